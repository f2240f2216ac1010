"""The map pane's mouse gestures: what a click or a Shift+drag on the map means.

* **Shift+drag** a case out of the map (supervisors only): Shift+press on a point, then
  move — a plain drag pans the map (with 100,000 points nearly every press is near one).
  The drag itself is :meth:`widgets.map_view.MapPane.start_drag` (the queue's payload,
  ``widgets.case_drag``). Shift+click without a move selects the case.
* **Click**: on a cluster of several cases, zoom into it; on a case, select it; elsewhere
  inside a region, drill into that region (``MapPane.drill_at``, which emits
  ``sig_region_chosen``).

Threading: GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from widgets.qt import QApplication, QEvent, QMouseEvent, QObject, QPoint, Qt

if TYPE_CHECKING:
    from widgets.map_view import MapPane


class MapGestures(QObject):
    """Watches the map's viewport and scene for the gestures above; owned by the pane."""

    def __init__(self, pane: MapPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self._drag_from: tuple[QPoint, str] | None = None  # Shift+press on a case
        pane.plot.viewport().installEventFilter(self)
        pane.plot.scene().sigMouseClicked.connect(self._on_scene_click)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Shift+press on a case and move: drag it (supervisors); otherwise the map's own."""
        pane = self.pane
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._drag_from = None
            if (pane.drag_allowed and event.button() == Qt.MouseButton.LeftButton
                    and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                pos = event.position().toPoint()
                cid = pane.case_at_pixel(pos)
                if cid is not None:
                    self._drag_from = (pos, cid)
                    return True  # not a pan
        elif kind == QEvent.Type.MouseMove and self._drag_from is not None \
                and isinstance(event, QMouseEvent):
            start, cid = self._drag_from
            if (event.position().toPoint() - start).manhattanLength() \
                    >= QApplication.startDragDistance():
                self._drag_from = None
                pane.start_drag(cid)
            return True
        elif kind == QEvent.Type.MouseButtonRelease and self._drag_from is not None:
            _, cid = self._drag_from  # Shift+click without a move: select it
            self._drag_from = None
            pane._select(cid)
            return True
        return False

    def _on_scene_click(self, ev: object) -> None:
        pane = self.pane
        vb = pane.plot.getViewBox()
        pos = vb.mapSceneToView(ev.scenePos())  # type: ignore[attr-defined]
        if pane.clustered() and pane.clusters.isVisible():
            hit = self._cluster_hit(ev.scenePos())  # type: ignore[attr-defined]
            if hit is not None and pane.clusters.counts[hit] > 1:
                self._zoom_into_cluster(hit)
                return
        if not pane._heat_on and (not pane.clustered() or self._single_at(pos.x(), pos.y())):
            if pane.select_at(pos.x(), pos.y()) is not None:
                return
        pane.drill_at(pos.x(), pos.y())

    def _cluster_hit(self, scene_pos: object) -> int | None:
        """The cluster under a scene position (in viewport pixels), or None."""
        plot, clusters = self.pane.plot, self.pane.clusters
        device = plot.mapFromScene(scene_pos)  # type: ignore[arg-type]
        transform = clusters.deviceTransform(plot.viewportTransform())
        return clusters.hit(transform, float(device.x()), float(device.y()))

    def _single_at(self, lon: float, lat: float) -> bool:
        return self.pane.case_near(lon, lat) is not None

    def _zoom_into_cluster(self, i: int) -> None:
        pane = self.pane
        vb = pane.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        cx, cy = float(pane.clusters.x[i]), float(pane.clusters.y[i])
        w, h = (x1 - x0) / 4, (y1 - y0) / 4
        pane._auto_fit = False
        vb.setRange(xRange=(cx - w / 2, cx + w / 2), yRange=(cy - h / 2, cy + h / 2), padding=0)
