// Isian realisasi: live totals while typing, and saving one row without reloading the page.
// Numbers are parsed the Indonesian way (1.250.000 / 75,5); the server re-checks everything.
(function () {
  "use strict";
  var GRADE = { AA: 95, A: 85, BB: 75, B: 65, CC: 55, C: 40, D: 15 };
  var table = document.querySelector("table.grid-realisasi");
  if (!table) return;
  var csrf = table.dataset.csrf;
  var metode = table.dataset.metodeNegatif || "selisih";

  function parse(teks) {
    var s = (teks || "").trim().replace(/^rp\.?\s*/i, "").replace(/\s*%$/, "");
    if (s === "" || s === "-") return null;
    if (GRADE[s.toUpperCase()] !== undefined) return { grade: s.toUpperCase() };
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
    else if (/^\d+,\d+$/.test(s)) s = s.replace(",", ".");
    else if (!/^\d+(\.\d+)?$/.test(s)) return NaN;
    return Number(s);
  }
  function format(n, desimal) {
    if (n === null || n === undefined || isNaN(n)) return "-";
    return n.toLocaleString("id-ID", { minimumFractionDigits: desimal || 0, maximumFractionDigits: desimal === undefined ? 2 : desimal });
  }
  function skor(v) { return v && v.grade ? GRADE[v.grade] : v; }
  function capaian(target, realisasi, polaritas) {
    var t = skor(target), r = skor(realisasi);
    if (t === null || r === null || t === undefined || r === undefined || isNaN(t) || isNaN(r) || t === 0) return null;
    if (polaritas === "negatif") {
      if (metode === "rasio") return r === 0 ? null : (t / r) * 100;
      return Math.max(0, ((2 * t - r) / t) * 100);
    }
    return (r / t) * 100;
  }

  // Rupiah like "1.5" or "12.50" is ambiguous (decimal point or a thousand?); the server refuses it too.
  var AMBIGU = /^\s*(rp\.?\s*)?[1-9]\d{0,2}\.\d{1,2}\s*$/i;

  function hitung(tr) {
    var rupiah = tr.dataset.jenis === "anggaran";
    var nilai = Array.prototype.map.call(tr.querySelectorAll("input"), function (i) {
      return rupiah && AMBIGU.test(i.value) ? NaN : parse(i.value);
    });
    var salah = nilai.some(function (v) { return typeof v === "number" && isNaN(v); });
    var jumlahSel = tr.querySelector(".jumlah"), capaianSel = tr.querySelector(".capaian");
    var pesanPagu = tr.querySelector(".pesan-pagu");
    if (salah) {
      jumlahSel.textContent = "?"; capaianSel.textContent = "?";
      tr.classList.remove("lewat-pagu");
      if (pesanPagu) pesanPagu.textContent = "";
      return;
    }
    var ada = nilai.filter(function (v) { return v !== null; });
    if (tr.dataset.jenis === "anggaran") {
      var total = ada.length ? ada.reduce(function (a, b) { return a + b; }, 0) : null;
      var pagu = tr.dataset.pagu ? Number(tr.dataset.pagu) : null;
      jumlahSel.textContent = format(total, 0);
      capaianSel.textContent = pagu && total !== null ? format((total / pagu) * 100, 2) + " %" : "-";
      var lewat = pagu !== null && total !== null && total > pagu;
      tr.classList.toggle("lewat-pagu", lewat);
      if (pesanPagu) {
        pesanPagu.textContent = lewat ? "Jumlah Rp " + format(total, 0) + " melebihi pagu Rp " + format(pagu, 0) + "." : "";
      }
    } else {
      var tahun = null;
      var adaGrade = ada.some(function (v) { return v && v.grade; });
      if (ada.length) tahun = tr.dataset.sifat === "akhir" || adaGrade ? ada[ada.length - 1] : ada.reduce(function (a, b) { return a + b; }, 0);
      jumlahSel.textContent = tahun === null ? "-" : tahun.grade || format(tahun);
      var target = tr.dataset.target === "" ? null : parse(tr.dataset.target.replace(".", ","));
      var c = capaian(target, tahun, tr.dataset.polaritas);
      capaianSel.textContent = c === null ? "-" : format(c, 2) + " %";
    }
  }

  function tandai(tr, galat) {
    tr.querySelectorAll("input").forEach(function (i) {
      var pesan = galat && galat[i.name];
      i.classList.toggle("salah", !!pesan);
      i.title = pesan || "";
    });
  }
  function isi(tr, data) {
    tr.dataset.versi = data.versi;
    var tombol = tr.querySelector(".simpan"); // its row form (no-JavaScript path) carries the version too
    if (tombol && tombol.form && tombol.form.elements.versi) tombol.form.elements.versi.value = data.versi;
    var adaTriwulan = false;
    Object.keys(data.nilai).forEach(function (nama) {
      var input = tr.querySelector('input[name="' + nama + '"]');
      if (input) input.value = data.nilai[nama] === "-" ? "" : data.nilai[nama];
      if (data.nilai[nama] !== "-") adaTriwulan = true;
    });
    var setahun = tr.querySelector(".setahun"); // "setahun, tanpa rincian TW": no longer once quarters exist
    if (setahun && adaTriwulan) setahun.remove();
    hitung(tr);
  }
  function status(tr, teks, jenis) {
    var s = tr.querySelector(".status");
    s.textContent = teks;
    s.className = "status " + (jenis || "");
  }

  function simpan(tr, jawaban) {
    if (tr.dataset.menyimpan === "1") return; // a double click sends once
    var data = { versi: Number(tr.dataset.versi) };
    if (jawaban) Object.keys(jawaban).forEach(function (k) { data[k] = jawaban[k]; });
    tr.querySelectorAll("input:not([readonly])").forEach(function (i) { data[i.name] = i.value; });
    tr.dataset.menyimpan = "1";
    var ulang = null; // sent again once this request is done (the user's answer to a question)
    status(tr, "Menyimpan…");
    fetch(tr.dataset.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(data),
      credentials: "same-origin",
    })
      .then(function (r) { return r.json().then(function (body) { return { kode: r.status, body: body }; }); })
      .then(function (h) {
        if (h.kode === 200) { tandai(tr, null); isi(tr, h.body); status(tr, "Tersimpan", "ok"); tr.classList.remove("berubah"); }
        else if (h.kode === 409 && h.body.tanya) {
          // a year figure without quarters: replaced only when the user says so
          if (window.confirm(h.body.tanya)) { ulang = { ganti_setahun: 1 }; return; }
          status(tr, "Belum disimpan: realisasi setahun tetap. " + h.body.tanya, "galat");
        }
        else if (h.kode === 409) { isi(tr, h.body.sekarang); status(tr, h.body.pesan, "galat"); }
        else if (h.kode === 400) {
          tandai(tr, h.body.galat);
          var pesan = h.body.galat ? Object.keys(h.body.galat).map(function (k) { return h.body.galat[k]; }).join(" ") : h.body.pesan;
          status(tr, pesan, "galat");
        } else { status(tr, "Gagal menyimpan (" + h.kode + "). Coba lagi.", "galat"); }
      })
      .catch(function () { status(tr, "Tidak terhubung ke server; isian belum tersimpan.", "galat"); })
      .finally(function () {
        tr.dataset.menyimpan = "";
        if (ulang) simpan(tr, ulang);
      });
  }

  table.addEventListener("input", function (e) {
    var tr = e.target.closest("tr[data-jenis]");
    if (!tr) return;
    tr.classList.add("berubah");
    status(tr, "Belum disimpan");
    hitung(tr);
  });
  table.addEventListener("keydown", function (e) {
    var tr = e.target.closest("tr[data-jenis]");
    if (tr && e.key === "Enter") { e.preventDefault(); simpan(tr); }
  });
  table.addEventListener("click", function (e) {
    if (!e.target.classList.contains("simpan")) return;
    e.preventDefault(); // the button also submits the row's form when scripts are off
    simpan(e.target.closest("tr[data-jenis]"));
  });
  window.addEventListener("beforeunload", function (e) {
    if (table.querySelector("tr.berubah")) { e.preventDefault(); e.returnValue = ""; }
  });
})();
