"""The writes of an import, collected while a sheet is checked and sent to the database in bulk at its end.

Saving row by row cost a savepoint, an INSERT or UPDATE and a history INSERT per row, plus the building of a
history manager per saved object (django-simple-history's ``post_save``). Here the handlers still decide per row
(create, update, unchanged, error) but only queue the object; ``kirim`` then writes each model's new rows with
one ``bulk_create`` and its changed rows with one ``bulk_update`` per set of changed columns, and gives every
written row exactly one history record (``bulk_history_create``) with the row's change reason and the user
the audit trail would have named on a save (the request's user, or the job's: ``tugas._pengguna_riwayat``).

Rows of a sheet may point at rows created earlier in the same sheet (a kelurahan under a new kecamatan, a
nomenklatur node under a new parent, an indicator under a new sasaran): an object is inserted once every object
it points to has its primary key, so a tree is written level by level, a fixed number of statements per level.

A database error in the bulk write is reported with the sheet; to name the row, the sheet's writes are rolled
back to their savepoint and tried again one row at a time (only then: a failing import is rare).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, OperationalError, connections, transaction
from django.db.models import NOT_PROVIDED, Field, ForeignKey, Model
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object

#: Rows per INSERT/UPDATE statement (SQLite allows 32,766 parameters; an anggaran row has 12 columns).
UKURAN_KELOMPOK = 500


class GagalTulis(Exception):
    """The database refused a write of this sheet; ``baris`` is the Excel row when it could be named."""

    def __init__(self, baris: int | None) -> None:
        super().__init__(baris)
        self.baris = baris


@dataclass
class _Tulisan:
    obj: Any
    baris: int
    kolom: set[str] = field(default_factory=set)  # attnames to update; empty for a new row


class Penulis:
    """Queued creates and updates of the sheet being imported, in the order the rows asked for them."""

    def __init__(self) -> None:
        self._baru: list[_Tulisan] = []
        self._ubah: dict[int, _Tulisan] = {}  # id(obj) -> its queued update
        self._tertunda: set[int] = set()  # id() of the objects queued for creation

    def tertunda(self, obj: Model) -> bool:
        """The object is queued for creation (it has no primary key yet, but it is no longer new)."""
        return id(obj) in self._tertunda

    def buat(self, obj: Model, baris: int) -> None:
        self._baru.append(_Tulisan(obj, baris))
        self._tertunda.add(id(obj))

    def ubah(self, obj: Model, kolom: Iterable[str], baris: int) -> None:
        """Queue an update of ``kolom`` (field names); an object queued for creation is inserted as it is then."""
        if self.tertunda(obj):
            return
        attname = {f.name: f.attname for f in obj._meta.concrete_fields}
        tulisan = self._ubah.setdefault(id(obj), _Tulisan(obj, baris))
        tulisan.kolom.update(attname.get(k, k) for k in kolom)
        if hasattr(obj, "versi"):
            tulisan.kolom.add("versi")

    def tanda(self) -> tuple[int, int]:
        """Where the queue stands before a row (``batal`` forgets what that row queued)."""
        return len(self._baru), len(self._ubah)

    def batal(self, tanda: tuple[int, int]) -> None:
        """Forget the writes a row with an error queued: they must not reach the database (its errors are the
        user's answer, and the import is rolled back anyway). The row's entries are the last ones queued."""
        baru, ubah = tanda
        for t in self._baru[baru:]:
            self._tertunda.discard(id(t.obj))
        del self._baru[baru:]
        for kunci in list(self._ubah)[ubah:]:
            del self._ubah[kunci]

    def kirim(self) -> None:
        """Write everything queued (in bulk), then start an empty queue. Raises ``GagalTulis``."""
        baru, ubah = self._baru, list(self._ubah.values())
        self._baru, self._ubah, self._tertunda = [], {}, set()
        if not baru and not ubah:
            return
        try:
            with transaction.atomic():
                _sisipkan(baru)
                _perbarui(ubah)
        except OperationalError as exc:  # the connection or a lock: trying row by row would fail the same way
            raise GagalTulis(None) from exc
        except DatabaseError as exc:
            _lupakan_kunci(baru)
            raise GagalTulis(_cari_baris(baru, ubah)) from exc


_KUNCI_ASING: dict[str, tuple[ForeignKey, ...]] = {}


def _kunci_asing(model: type[Model]) -> tuple[ForeignKey, ...]:
    """The model's foreign keys, looked up once per model (read for every new row)."""
    label = model._meta.label
    if label not in _KUNCI_ASING:
        _KUNCI_ASING[label] = tuple(f for f in model._meta.concrete_fields if isinstance(f, ForeignKey))
    return _KUNCI_ASING[label]


def _siap(obj: Model) -> bool:
    """Every object this one points to (through a foreign key set to an object) has its primary key."""
    for f in _kunci_asing(type(obj)):
        if f.is_cached(obj):
            tujuan = f.get_cached_value(obj)
            if tujuan is not None and tujuan.pk is None:
                return False
    return True


def _sisipkan(baru: list[_Tulisan]) -> None:
    """INSERT the new rows model by model, in rounds: a row goes once what it points to has been inserted."""
    sisa = baru
    while sisa:
        per_model: dict[type[Model], list[Any]] = {}
        tunggu = []
        for t in sisa:
            # a row whose target is created in this same round waits for the next one
            if _siap(t.obj):
                per_model.setdefault(type(t.obj), []).append(t)
            else:
                tunggu.append(t)
        if not per_model:
            raise ValueError("impor: baris baru menunjuk baris yang tidak pernah disimpan")
        _tulis_baru(per_model)
        sisa = [t for t in tunggu if t.obj.pk is None]


def _tulis_baru(per_model: dict[type[Model], list[_Tulisan]]) -> None:
    for model, daftar in per_model.items():
        objs = [t.obj for t in daftar]
        sisipkan(model, objs)
        _riwayat(model, objs, ubah=False)


def sisipkan(model: type[Model], objs: list[Any]) -> None:
    """INSERT new rows of one model and set their keys: the one place an import creates rows (the tests make
    it fail as a database would)."""
    if not _sisipkan_cepat(model, objs):
        model._default_manager.bulk_create(objs, batch_size=UKURAN_KELOMPOK)


def _perbarui(ubah: list[_Tulisan]) -> None:
    """UPDATE the changed rows: one ``bulk_update`` per model and set of changed columns."""
    kelompok: dict[tuple[type[Model], tuple[str, ...]], list[Any]] = {}
    for t in ubah:
        kelompok.setdefault((type(t.obj), tuple(sorted(t.kolom))), []).append(t.obj)
    for (model, kolom), objs in kelompok.items():
        model._default_manager.bulk_update(objs, kolom, batch_size=UKURAN_KELOMPOK)
        _riwayat(model, objs, ubah=True)


def _riwayat(model: type[Model], objs: list[Any], ubah: bool) -> None:
    """One history record per written row, with its ``_change_reason`` and the user a save would have named:
    the rows django-simple-history's ``bulk_history_create`` writes. They are copied by the database from the
    rows just written (``INSERT … SELECT``, one statement per change reason and user, a key per row as the
    only per-row parameter) instead of being built and sent value by value."""
    riwayat = getattr(model, "history", None)
    if riwayat is None or not objs or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    model_riwayat = riwayat.model
    meta_riwayat = model_riwayat._meta
    salin = [(meta_riwayat.get_field(f.name).column, f.column) for f in model_riwayat.tracked_fields]
    tambahan = {"history_date", "history_change_reason", "history_type", "history_user_id"}
    sisa = {f.attname for f in meta_riwayat.concrete_fields if not f.primary_key} - {
        f.attname for f in model_riwayat.tracked_fields
    }
    if sisa != tambahan or any(hasattr(obj, "_history_date") for obj in objs):
        riwayat.bulk_history_create(objs, update=ubah, batch_size=UKURAN_KELOMPOK)  # fields of its own
        return
    kelompok: dict[tuple[str, Any], list[Any]] = {}
    for obj in objs:
        pengguna = model_riwayat.get_default_history_user(obj)  # the object's _history_user, or the request's
        alasan = get_change_reason_from_object(obj) or ""
        kelompok.setdefault((alasan, getattr(pengguna, "pk", None)), []).append(obj.pk)
    connection = connections[DEFAULT_DB_ALIAS]
    qn = connection.ops.quote_name
    kolom = ", ".join(qn(c) for c, _ in salin)
    asal = ", ".join(qn(c) for _, c in salin)
    tanggal = meta_riwayat.get_field("history_date").get_db_prep_save(timezone.now(), connection)
    ukuran = max(1, min(UKURAN_KELOMPOK, connection.features.max_query_params or UKURAN_KELOMPOK) - 4)
    with connection.cursor() as cur:
        for (alasan, pengguna_pk), kunci in kelompok.items():
            for i in range(0, len(kunci), ukuran):
                bagian = kunci[i : i + ukuran]
                cur.execute(
                    f"INSERT INTO {qn(meta_riwayat.db_table)} ({kolom}, {qn('history_date')}, "
                    f"{qn('history_change_reason')}, {qn('history_type')}, {qn('history_user_id')}) "
                    f"SELECT {asal}, %s, %s, %s, %s FROM {qn(model._meta.db_table)} "
                    f"WHERE {qn(model._meta.pk.column)} IN ({', '.join(['%s'] * len(bagian))})",
                    [tanggal, alasan, "~" if ubah else "+", pengguna_pk, *bagian],
                )


def _sisipkan_cepat(model: type[Model], objs: list[Any]) -> bool:
    """INSERT new rows and set their primary keys, preparing each value once (``get_db_prep_save``) instead of
    through the SQL compiler's per-value machinery; False when this model or database needs Django's own
    ``bulk_create`` (no RETURNING, a non-automatic key, inheritance, database defaults)."""
    meta = model._meta
    pk = meta.pk
    connection = connections[DEFAULT_DB_ALIAS]
    if (
        not connection.features.can_return_rows_from_bulk_insert
        or not getattr(pk, "db_returning", False)
        or meta.parents
        or any(f.db_default is not NOT_PROVIDED for f in meta.concrete_fields)
    ):
        return False
    kolom = [f for f in meta.concrete_fields if f is not pk]
    # a field that keeps Field.pre_save is read as the attribute (auto_now and the like go through pre_save)
    ambil = [(f.attname, None if type(f).pre_save is Field.pre_save else f) for f in kolom]
    asing = _kunci_asing(model)
    baris = []
    for obj in objs:
        for fk in asing:  # as Django's _prepare_related_fields_for_save: a key set to an object saved since
            if getattr(obj, fk.attname) is None and fk.is_cached(obj):
                tujuan = fk.get_cached_value(obj)
                if tujuan is not None:
                    setattr(obj, fk.attname, getattr(tujuan, fk.target_field.attname))
        baris.append([getattr(obj, a) if f is None else f.pre_save(obj, True) for a, f in ambil])
    # A nullable column that is empty in every row is left to the database (NULL): fewer values to send.
    pakai = [i for i, f in enumerate(kolom) if not (f.null and all(b[i] is None for b in baris))]
    if pakai and len(pakai) < len(kolom):
        kolom = [kolom[i] for i in pakai]
        baris = [[b[i] for i in pakai] for b in baris]
    kunci = _sisip_sql(model, kolom, baris)
    if len(kunci) != len(objs):
        raise DatabaseError("impor: jumlah kunci hasil INSERT tidak sama dengan jumlah baris")
    for obj, k in zip(objs, kunci, strict=True):
        obj.pk = k
        obj._state.adding = False
        obj._state.db = connection.alias
    return True


def _sisip_sql(model: type[Model], kolom: list[Any], baris: list[list[Any]]) -> list[Any]:
    """Multi-row ``INSERT … VALUES (…), (…) RETURNING`` the keys, in batches the database accepts; a statement
    per batch, logged and counted like any other query."""
    connection = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the thread-local proxy per value
    qn = connection.ops.quote_name
    awal = f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in kolom)}) VALUES "
    satu = "(" + ", ".join(["%s"] * len(kolom)) + ")"
    akhir = f" RETURNING {qn(model._meta.pk.column)}"
    ukuran = max(1, min(UKURAN_KELOMPOK, connection.ops.bulk_batch_size(kolom, baris)))
    siapkan = [f.get_db_prep_save for f in kolom]
    kunci: list[Any] = []
    with connection.cursor() as cur:
        for i in range(0, len(baris), ukuran):
            kelompok = baris[i : i + ukuran]
            params = [p(v, connection) for b in kelompok for p, v in zip(siapkan, b, strict=True)]
            cur.execute(awal + ", ".join([satu] * len(kelompok)) + akhir, params)
            kunci.extend(r[0] for r in cur.fetchall())
    return kunci


def _lupakan_kunci(baru: list[_Tulisan]) -> None:
    """After a rollback the primary keys a bulk INSERT handed out are void: the rows are new again."""
    for t in baru:
        t.obj.pk = None
        t.obj._state.adding = True


def _cari_baris(baru: list[_Tulisan], ubah: list[_Tulisan]) -> int | None:
    """The Excel row whose write the database refuses: the writes again one row at a time, in row order, each
    in its own savepoint (all rolled back: the import fails). None when none fails alone."""
    semua = sorted([*baru, *ubah], key=lambda t: t.baris)  # stable: the order within a row is kept
    gagal = None
    try:
        with transaction.atomic():
            for t in semua:
                try:
                    with transaction.atomic():
                        if t.kolom:
                            _perbarui([t])
                        else:
                            _tulis_baru({type(t.obj): [t]})
                except DatabaseError:
                    gagal = t.baris
                    break
            transaction.set_rollback(True)
    except DatabaseError:
        pass
    finally:
        _lupakan_kunci(baru)
    return gagal
