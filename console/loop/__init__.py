"""The closed loop of protocol 1.1 in the console: stage clocks, requests to decide,
callbacks, merges, close/reopen, and the assessment board (考核).

* :mod:`console.loop.commands` — :class:`LoopActions`, the one place that turns the
  operator's loop decisions into hub commands (role checks, ``expected_version``, 409 →
  what changed), and whether the hub speaks 1.1 at all;
* :mod:`console.loop.dialogs` — the dialogs, each naming the case (ID and title);
* :mod:`console.loop.inbox` — the inbox pane (pending returns/extensions, callbacks due);
* :mod:`console.loop.board` — the assessment board pane;
* :mod:`console.loop.wiring` — panes, menu entries and detail buttons on a running console.
"""
