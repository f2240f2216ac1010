"""The board's "Monthly report…" dialog: a month, a PDF and a CSV path, then the 通报.

The assessment and names are read off the GUI thread (:func:`console.loop.assess_cli.
build_report` with the session's HubClient); the PDF is drawn on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from client.assessment import Weights
from client.assessment_report import write_csv
from widgets.common import plain_label
from widgets.pane import PaneContext
from widgets.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from widgets.text import neutralize, safe


class MonthlyReportDialog(QDialog):
    """Write one month's report; ``status`` says what happened."""

    def __init__(self, ctx: PaneContext, weights: Weights, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthlyReportDialog")
        self.setWindowTitle(self.tr("Monthly assessment report"))
        self.ctx = ctx
        self.weights = weights
        now = datetime.now(ctx.zone)
        self.month = QComboBox(self)
        self.month.setObjectName("reportMonth")
        y, m = now.year, now.month
        for _ in range(13):
            self.month.addItem(f"{y:04d}-{m:02d}")
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        base = Path.home() / f"assessment-{self.month.currentText()}"
        self.pdf = QLineEdit(str(base.with_suffix(".pdf")), self)
        self.pdf.setObjectName("reportPdf")
        self.csv = QLineEdit(str(base.with_suffix(".csv")), self)
        self.csv.setObjectName("reportCsv")
        self.status = plain_label("", self, wrap=True)
        self.status.setObjectName("reportStatus")
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Month"), self), self.month)
        form.addRow(plain_label(self.tr("PDF file"), self), self.pdf)
        form.addRow(plain_label(self.tr("CSV file"), self), self.csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write report"))
        buttons.accepted.connect(self.write)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(plain_label(self.tr("Weights {w}, red line {line:g}").format(
            w=weights.text(), line=weights.red_line), self))
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.resize(520, 220)

    def write(self) -> None:
        """Read the month's figures and write the files."""
        from console.loop.assess_cli import build_report

        month, pdf, csv = self.month.currentText(), self.pdf.text().strip(), self.csv.text().strip()
        zone_name = self.ctx.state.zone_name
        self.status.setText(self.tr("Reading {month}…").format(month=month))

        def ok(report: Any) -> None:
            try:
                if csv:
                    write_csv(report, csv, neutralize)
                pages = 0
                if pdf:
                    from console.loop.report import write_monthly_pdf

                    pages = write_monthly_pdf(report, pdf)
            except OSError as exc:
                self.status.setText(self.tr("Cannot write: {e}").format(e=safe(str(exc), 200)))
                return
            self.status.setText(self.tr("Written: {pdf} ({n} pages) {csv}").format(
                pdf=safe(pdf, 120), n=pages, csv=safe(csv, 120)))

        def failed(exc: Exception) -> None:
            self.status.setText(self.tr("The hub did not give the figures: {e}").format(
                e=safe(str(exc), 200)))

        self.ctx.fetch(lambda api: build_report(api, month, "unit", self.weights, zone_name),
                       ok, failed)
