"""The user's notifications: a list (GET reads only) and marking them read (POST)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from core.forms import halaman_400, pesan_galat

from .forms import TandaiDibacaForm
from .selectors import kabar_milik
from .services import kabar_tandai_dibaca


@login_required
@require_safe
def daftar(request: HttpRequest) -> HttpResponse:
    halaman = Paginator(kabar_milik(request.user), 50).get_page(request.GET.get("halaman"))
    return render(request, "kabar/daftar.html", {"halaman": halaman})


@login_required
@require_POST
def tandai_dibaca(request: HttpRequest) -> HttpResponse:
    form = TandaiDibacaForm(request.POST)
    if not form.is_valid():
        return halaman_400(request, list(pesan_galat(form).values()))
    pk = form.cleaned_data["pk"]
    jumlah = kabar_tandai_dibaca(request.user, pk)
    if pk is None:
        messages.success(request, f"{jumlah} pemberitahuan ditandai sudah dibaca.")
    # "Buka" on one notification: marked read, then on to what it is about (a path inside the application)
    lanjut = request.POST.get("lanjut", "")
    if pk is not None and lanjut and url_has_allowed_host_and_scheme(lanjut, allowed_hosts=None):
        return redirect(lanjut)
    return redirect("kabar:daftar")
