"""SM4-GCM sealing of personal data at rest (the reporter columns use it when present):
a value opens with its key and column only, an altered one is refused, and through the
column type the database holds no clear text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, select, text

from hub import data_at_rest
from hub.data_at_rest import EncryptedText, Sm4Box


def test_seal_and_open() -> None:
    box = Sm4Box(bytes(range(16)))
    sealed = box.seal("张三 13812345678", "reporter_name")
    assert sealed.startswith("sm4gcm:") and "张三" not in sealed
    assert box.open(sealed, "reporter_name") == "张三 13812345678"
    assert box.seal("x", "c") != box.seal("x", "c")  # a fresh nonce each time
    with pytest.raises(ValueError):
        box.open(sealed, "reporter_phone")  # another column
    with pytest.raises(ValueError):
        Sm4Box(bytes(16)).open(sealed, "reporter_name")  # another key
    altered = sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")
    with pytest.raises(ValueError):
        box.open(altered, "reporter_name")


def test_column_type_stores_no_clear_text(tmp_path: Path) -> None:
    key = tmp_path / "data.key"
    data_at_rest.new_key_file(key)
    assert key.stat().st_mode & 0o777 == 0o600
    meta = MetaData()
    table = Table("people", meta, Column("id", Integer, primary_key=True),
                  Column("name", EncryptedText("people.name")))
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    meta.create_all(engine)
    try:
        data_at_rest.use_key_file(key)
        with engine.begin() as conn:
            conn.execute(table.insert(), [{"id": 1, "name": "李四"}, {"id": 2, "name": None}])
        with engine.connect() as conn:
            raw = conn.execute(text("SELECT name FROM people WHERE id = 1")).scalar_one()
            assert raw.startswith("sm4gcm:") and "李四" not in raw
            assert conn.execute(select(table.c.name).where(table.c.id == 1)).scalar_one() == "李四"
        data_at_rest.use_key_file(None)
        with engine.connect() as conn, pytest.raises(Exception, match="data key"):
            conn.execute(select(table.c.name).where(table.c.id == 1)).scalar_one()
    finally:
        data_at_rest.use_key_file(None)
        engine.dispose()


def test_reporter_sealed_in_the_hub_database(tmp_path: Path) -> None:
    """A hub with a data key stores the reporter sealed; the audited read unmasks it."""
    from hub.server import start_embedded
    from tests.hub.conftest import SMALL_SIZES, Api

    key = tmp_path / "data.key"
    data_at_rest.new_key_file(key)
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = start_embedded(url, sizes=SMALL_SIZES, data_key=str(key))
    try:
        intake = Api(hub.url)
        assert intake.login("intake-532301")[0] == 200
        case = intake.report(reporter={"name": "王小明", "phone": "13812345678"})
        assert case["reporter"] == {"name": "王**", "phone": "138****5678"}  # masked
        status, body = intake.get(f"/cases/{case['id']}/reporter")
        assert status == 200 and body == {"name": "王小明", "phone": "13812345678"}
        engine = create_engine(url)
        with engine.connect() as conn:
            name, phone = conn.execute(text(
                "SELECT reporter_name, reporter_phone FROM cases WHERE id = :id"),
                {"id": case["id"]}).one()
        engine.dispose()
        assert name.startswith("sm4gcm:") and phone.startswith("sm4gcm:")
        assert "王" not in name and "5678" not in phone
        intake.http.close()
    finally:
        hub.stop()
        data_at_rest.use_key_file(None)
