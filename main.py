"""Command Post (指挥中心): console, reference hub, simulator and tools — one entry point.

    python main.py                      the console with an embedded hub + simulator (demo)
    python main.py hub serve ...        the reference hub alone
    python main.py hub simulate ...     the simulator against any hub
    python main.py sync ...             headless mirror of a post into a shift cache
    python main.py export ...           print the cases a shift cache knows
    python main.py review [CACHE_DIR]   offline review of cached shifts
    python main.py report CACHE_DIR --shift ID --pdf OUT.pdf --csv OUT.csv
                                        the shift handover report, without a window
    python main.py assess --hub URL --user U --password-file F --month 2026-11 --pdf OUT.pdf --csv OUT.csv
                                        the monthly assessment report (通报)
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """Dispatch on the first word."""
    command = argv[0] if argv else ""
    if command == "hub":
        from hub.cli import hub_main

        return hub_main(argv[1:])
    if command == "sync":
        from client.cli import sync_main
        from client.gc_policy import tune_for_streaming

        tune_for_streaming()
        return sync_main(argv[1:])
    if command == "export":
        from client.cli import export_main

        return export_main(argv[1:])
    if command == "review":
        from console.review.cli import review_main

        return review_main(argv[1:])
    if command == "assess":
        from console.loop.assess_cli import assess_main

        return assess_main(argv[1:])
    if command == "report":
        from console.review.cli import report_main

        return report_main(argv[1:])
    from client.gc_policy import tune_for_streaming
    from console.app import console_main

    tune_for_streaming()
    return console_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
