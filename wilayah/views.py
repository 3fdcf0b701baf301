from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .selectors import kecamatan_dengan_tahun


@login_required
def beranda(request):
    return render(request, "wilayah/beranda.html", {"daftar": kecamatan_dengan_tahun(request.user)})
