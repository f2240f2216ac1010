"""Ask, then act: the dialogs of the loop commands opened for one case, shared by the
inbox, the case detail's buttons and the Loop menu. Each returns whether a command left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from widgets.qt import QCoreApplication, QWidget
from widgets.text import safe

if TYPE_CHECKING:
    from console.loop.commands import LoopActions


def ask_decide(loop: LoopActions, case_id: str, parent: QWidget | None,
               approve: bool | None = None) -> bool:
    """Open the decision dialog for ``case_id``; send the decision when confirmed."""
    from console.loop.dialogs import DecideDialog

    case = loop.ctx.state.cases.get(case_id)
    if case is None or not loop.allowed("decide", case):
        loop.say("info", QCoreApplication.translate(
            "LoopActions", "{case} has no request you can decide.").format(case=safe(case_id, 40)))
        return False
    dlg = DecideDialog(loop.ctx, case, parent)
    if approve is not None:
        (dlg.approve_button if approve else dlg.deny_button).setDefault(True)
    try:
        if dlg.exec() != DecideDialog.DialogCode.Accepted or dlg.approved is None:
            return False
        return loop.decide(case_id, dlg.approved, dlg.note_text())
    finally:
        dlg.deleteLater()


def ask_callback(loop: LoopActions, case_id: str, parent: QWidget | None) -> bool:
    """Open the callback dialog for ``case_id``; record it when confirmed."""
    from console.loop.dialogs import CallbackDialog

    case = loop.ctx.state.cases.get(case_id)
    if case is None or not loop.allowed("callback", case):
        loop.say("info", QCoreApplication.translate("LoopActions", "Only a resolved case can be called back."))
        return False
    dlg = CallbackDialog(loop.ctx, case, parent,
                         may_unmask=loop.ctx.role in ("supervisor", "intake"))
    try:
        if dlg.exec() != CallbackDialog.DialogCode.Accepted:
            return False
        return loop.callback(case_id, dlg.solved(), dlg.satisfaction(), dlg.note_text())
    finally:
        dlg.deleteLater()


def ask_merge(loop: LoopActions, case_id: str, parent: QWidget | None) -> bool:
    """Open the merge dialog for ``case_id``; merge into the chosen case when confirmed."""
    from console.loop.dialogs import MergeDialog

    case = loop.ctx.state.cases.get(case_id)
    if case is None or not loop.allowed("merge", case):
        loop.say("info", QCoreApplication.translate("LoopActions", "Only an open case can be merged into another."))
        return False
    dlg = MergeDialog(loop.ctx, case, parent)
    try:
        if dlg.exec() != MergeDialog.DialogCode.Accepted or dlg.into is None:
            return False
        return loop.merge(case_id, dlg.into, dlg.note_text())
    finally:
        dlg.deleteLater()


def ask_close(loop: LoopActions, case_id: str, parent: QWidget | None, reopen: bool = False) -> bool:
    """Confirm closing (or reopening) a resolved case with a note."""
    from console.loop.dialogs import CaseNoteDialog

    what = "reopen" if reopen else "close"
    case = loop.ctx.state.cases.get(case_id)
    if case is None or not loop.allowed(what, case):
        loop.say("info", QCoreApplication.translate("LoopActions", "Only a resolved case can be closed or reopened."))
        return False
    if reopen:
        dlg = CaseNoteDialog(QCoreApplication.translate("LoopActions", "Reopen"), QCoreApplication.translate("LoopActions",
            "Send this resolved case back to the unit that holds it."), case,
            QCoreApplication.translate("LoopActions", "Reopen"), parent)
    else:
        dlg = CaseNoteDialog(QCoreApplication.translate("LoopActions", "Close"), QCoreApplication.translate("LoopActions",
            "Close this resolved case (the callback confirmed it)."), case,
            QCoreApplication.translate("LoopActions", "Close case"), parent)
    try:
        if dlg.exec() != CaseNoteDialog.DialogCode.Accepted:
            return False
        return (loop.reopen if reopen else loop.close)(case_id, dlg.note_text())
    finally:
        dlg.deleteLater()
