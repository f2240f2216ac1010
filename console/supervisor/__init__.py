"""The supervisor feature: reassigning cases (drag and drop, the unit picker, undo,
conflicts), urging, whistles and video calls, and the panes that offer them.

* :mod:`~console.supervisor.actions` — the commands (``Actions``: role checks, in-flight
  set, conflicts, undo); panes reach them as ``ctx.actions``
  (:class:`widgets.actions_port.ActionsPort`).
* :mod:`~console.supervisor.drag_and_drop` — drop targets and drag starters, installed on
  the views the panes declare (payload: :mod:`widgets.case_drag`).
* :mod:`~console.supervisor.reassign_dialogs` — unit picker, conflict dialog, undo notice.
* :mod:`~console.supervisor.command_ui` — the "Actions" menu, context commands and the
  added docks on a running console.
* :mod:`~console.supervisor.dispatch_board`, :mod:`~console.supervisor.whistles` — the
  feature's panes (unassigned cases beside the units; whistles and calls).
"""
