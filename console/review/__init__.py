"""Offline review of cached shifts and the shift handover report.

* ``console.review.window``: the review window (the live panes on a past moment);
* ``console.review.report``: the handover report as PDF (QPdfWriter/QPainter);
* ``console.review.cli``: ``review_main(argv)`` and ``report_main(argv)``, wired by main.py
  as ``python main.py review`` and ``python main.py report``.

The Qt-free engine is ``client.review`` (reading a shift file read-only, checkpoints,
seeking, case stories) and ``client.review_report`` (the report's figures and CSV).
"""
