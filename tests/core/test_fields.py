from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.test.utils import isolate_apps

from core.fields import NilaiField, NilaiFormField
from core.nilai import KOSONG, Nilai


def test_default_dan_deconstruct():
    field = NilaiField()
    assert field.max_length == 32 and field.null and field.blank
    _, path, args, kwargs = field.deconstruct()
    assert path == "core.fields.NilaiField"
    assert args == [] and kwargs == {}
    rebuilt = NilaiField(*args, **kwargs)
    assert (rebuilt.max_length, rebuilt.null, rebuilt.blank) == (32, True, True)


def test_deconstruct_dengan_opsi():
    field = NilaiField(max_length=16, null=False, blank=False, verbose_name="target")
    _, _, _, kwargs = field.deconstruct()
    assert kwargs == {"max_length": 16, "null": False, "blank": False, "verbose_name": "target"}
    rebuilt = NilaiField(**kwargs)
    assert (rebuilt.max_length, rebuilt.null, rebuilt.blank) == (16, False, False)


@pytest.mark.parametrize(
    ("value", "hasil"),
    [
        (None, KOSONG),
        ("", KOSONG),
        ("-", KOSONG),
        ("75,5", Nilai(angka=Decimal("75.5"))),
        (Decimal(12), Nilai(angka=Decimal(12))),
        (7, Nilai(angka=Decimal(7))),
        ("cc", Nilai(grade="CC")),
        (Nilai(grade="A"), Nilai(grade="A")),
    ],
)
def test_to_python(value, hasil):
    assert NilaiField().to_python(value) == hasil


def test_to_python_tidak_sah():
    with pytest.raises(ValidationError) as info:
        NilaiField().to_python("12abc")
    assert "bukan nilai yang sah" in info.value.messages[0]


@pytest.mark.parametrize(
    ("value", "db"),
    [
        (None, None),
        (KOSONG, None),
        ("", None),
        ("75,50", "75.5"),
        ("1.200", "1200"),
        (Decimal("1.2E+3"), "1200"),
        (3, "3"),
        ("b", "B"),
        (Nilai(grade="AA"), "AA"),
    ],
)
def test_get_prep_value(value, db):
    assert NilaiField().get_prep_value(value) == db


def test_get_prep_value_not_null_menyimpan_teks_kosong():
    assert NilaiField(null=False).get_prep_value(KOSONG) == ""
    assert NilaiField(null=False).get_prep_value("5") == "5"


def test_from_db_value():
    field = NilaiField()
    assert field.from_db_value(None, None, None) is KOSONG
    assert field.from_db_value("", None, None) is KOSONG
    assert field.from_db_value("75.5", None, None) == Nilai(angka=Decimal("75.5"))
    assert field.from_db_value("CC", None, None) == Nilai(grade="CC")


def test_clean():
    field = NilaiField()
    assert field.clean("75,5", None) == Nilai(angka=Decimal("75.5"))
    assert field.clean("", None) is KOSONG
    wajib = NilaiField(blank=False)
    with pytest.raises(ValidationError):
        wajib.clean("", None)
    with pytest.raises(ValidationError):
        wajib.clean(KOSONG, None)
    with pytest.raises(ValidationError):  # longer than max_length once stored
        NilaiField(max_length=3).clean("1234,5", None)


def test_form_field():
    form_field = NilaiField().formfield()
    assert isinstance(form_field, NilaiFormField)
    assert form_field.clean("1.234,5") == Nilai(angka=Decimal("1234.5"))
    assert form_field.clean("") is KOSONG
    assert form_field.prepare_value(Nilai(angka=Decimal("1234.5"))) == "1.234,5"
    assert form_field.prepare_value(KOSONG) == ""
    with pytest.raises(ValidationError):
        form_field.clean("abc")
    with pytest.raises(ValidationError):
        NilaiField(blank=False).formfield().clean("  ")
    assert not form_field.has_changed(Nilai(angka=Decimal("75.5")), "75,50")
    assert form_field.has_changed(Nilai(angka=Decimal("75.5")), "75")


@isolate_apps("core")
def test_atribut_model_selalu_nilai():
    class Contoh(models.Model):
        target = NilaiField()
        wajib = NilaiField(blank=False, default="B")

        class Meta:
            app_label = "core"

    obj = Contoh()
    assert obj.target is KOSONG
    assert obj.wajib == Nilai(grade="B")
    obj.target = "75,5"
    assert obj.target == Nilai(angka=Decimal("75.5"))
    obj.target = 12
    assert obj.target == Nilai(angka=Decimal(12))
    obj.target = None
    assert obj.target is KOSONG

    obj.target = "12abc"  # kept so that full_clean() reports it
    assert obj.target == "12abc"
    with pytest.raises(ValidationError) as info:
        obj.full_clean(exclude=["id"])
    assert "target" in info.value.message_dict

    obj.target = "cc"
    obj.full_clean(exclude=["id"])
    assert Contoh._meta.get_field("target").value_to_string(obj) == "CC"
    obj.target = KOSONG
    assert Contoh._meta.get_field("target").value_to_string(obj) is None


def test_serialisasi_migrasi():
    from django.db.migrations.writer import MigrationWriter

    teks, imports = MigrationWriter.serialize(NilaiField(verbose_name="realisasi"))
    assert teks == "core.fields.NilaiField(verbose_name='realisasi')"
    assert imports == {"import core.fields"}
