"""The bench's own environment, set before Django starts: a throwaway database and media in a temporary
directory, never the developer's ``db.sqlite3``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url

REPO = Path(__file__).resolve().parent.parent
#: Set when the database is the bench's own SQLite file (removed with its directory at the end).
BASIS_SENDIRI = "RKK_BENCH_BASIS_SENDIRI"


def siapkan(tmp: Path | None = None) -> Path:
    """Point Django at a temporary SQLite file (or at ``DATABASE_URL`` when it names PostgreSQL: it must be an
    empty database made for the bench) and temporary media; development settings without query logging
    concerns (DEBUG=1 only for the demo users' ``load_demo``; queries are counted with a capture context)."""
    tmp = tmp or Path(tempfile.mkdtemp(prefix="rkk-bench-"))
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        cfg = dj_database_url.parse(url)
        if "sqlite" in cfg["ENGINE"] and Path(cfg["NAME"]).resolve() == (REPO / "db.sqlite3").resolve():
            raise SystemExit("bench: DATABASE_URL menunjuk db.sqlite3 pengembang; pakai basis data buangan.")
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        os.environ[BASIS_SENDIRI] = "1"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ["DEBUG"] = "1"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    for nama in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "STATIC_ROOT"):
        (tmp / nama.lower()).mkdir(exist_ok=True)
        os.environ[nama] = str(tmp / nama.lower())
    os.environ["REDIS_URL"] = ""  # inline jobs unless the batch-printing step points them at Redis
    return tmp
