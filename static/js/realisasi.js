// Isian realisasi: live figures while typing, saving rows without reloading the page, and the grid's Excel
// habits (paste a column, Enter/arrows move, a filled cell is replaced when typed into, leaving a changed row
// saves it), search, folding programs and the one-triwulan view. The page computes no figure itself: while the
// user types, the row's jumlah, serapan/capaian and over-pagu mark are asked of the server (.../hitung/, the
// same code as the reports, in Decimal), and after a save the row shows the server's figures.
(function () {
  "use strict";
  var table = document.querySelector("table.grid-realisasi");
  if (!table) return;
  var csrf = table.dataset.csrf;

  // ---- the row's figures while typing ----------------------------------------------------------------
  var tunda = new WeakMap(); // row → its pending question (typing fast asks once)
  var giliran = new WeakMap(); // row → number of its latest question: an older answer arriving late is ignored
  function hitung(tr) {
    clearTimeout(tunda.get(tr));
    tunda.set(tr, setTimeout(function () { tanyaHitung(tr); }, 120));
  }
  function tanyaHitung(tr) {
    var no = (giliran.get(tr) || 0) + 1;
    giliran.set(tr, no);
    var q = new URLSearchParams();
    tr.querySelectorAll('input[name^="realisasi_tw"]').forEach(function (i) { q.append(i.name, i.value); });
    fetch(tr.dataset.url + "hitung/?" + q.toString(), {
      headers: { Accept: "application/json" }, credentials: "same-origin"
    }).then(function (r) {
      return r.json().then(function (d) { return { ok: r.ok, data: d }; });
    }).then(function (h) {
      if (giliran.get(tr) !== no) return;
      if (h.ok) {
        tandai(tr, {});
        tampil(tr, h.data);
        return;
      }
      tandai(tr, h.data.galat || {}); // e.g. an ambiguous "1.5": the message that says how to write it
      tr.querySelector(".jumlah").textContent = "?";
      tr.querySelector(".capaian").textContent = "?";
      tr.classList.remove("lewat-pagu");
      var pesanPagu = tr.querySelector(".pesan-pagu");
      if (pesanPagu) pesanPagu.textContent = "";
    }).catch(function () { /* offline: the save will say so */ });
  }

  // ---- errors next to their cell, status of the row -------------------------------------------------
  function tandai(tr, galat) {
    tr.querySelectorAll("input").forEach(function (i) {
      var pesan = galat && galat[i.name];
      var sel = i.parentNode;
      var lama = sel.querySelector(".pesan-sel");
      if (lama) lama.remove();
      i.classList.toggle("salah", !!pesan);
      if (pesan) {
        var p = document.createElement("span");
        p.className = "pesan-sel";
        p.id = i.id + "-galat";
        p.textContent = pesan;
        sel.appendChild(p);
        i.setAttribute("aria-invalid", "true");
        i.setAttribute("aria-describedby", p.id);
      } else {
        i.removeAttribute("aria-invalid");
        i.removeAttribute("aria-describedby");
      }
    });
  }
  function tampil(tr, data) { // the computed cells as the server rendered them
    var t = data.tampil;
    if (!t) { hitung(tr); return; } // an answer without figures (an error): ask for them
    tr.querySelector(".jumlah").textContent = t.jumlah;
    tr.querySelector(".capaian").textContent = t.capaian;
    tr.classList.toggle("lewat-pagu", !!t.lewat_pagu);
    var pesanPagu = tr.querySelector(".pesan-pagu");
    if (pesanPagu) pesanPagu.textContent = t.pesan_pagu || "";
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
    tampil(tr, data);
  }
  function status(tr, teks, jenis) {
    var s = tr.querySelector(".status");
    s.textContent = teks;
    s.className = "status " + (jenis || "");
  }

  // ---- saving ----------------------------------------------------------------------------------------
  var tombolSemua = document.querySelector("button.simpan-semua");
  var statusGrid = document.querySelector(".status-grid");
  function hitungBerubah() {
    if (!tombolSemua) return;
    var n = table.querySelectorAll("tr.berubah").length;
    tombolSemua.textContent = "Simpan semua (" + n + " baris)";
    tombolSemua.disabled = n === 0;
  }
  function berubah(tr) {
    tr.classList.add("berubah");
    status(tr, "Belum disimpan");
    hitung(tr);
    hitungBerubah();
  }

  var sedang = new WeakMap(); // row → its save in flight: a double click, or leaving a row while saving, sends once
  function simpan(tr, jawaban) {
    if (sedang.has(tr)) return sedang.get(tr);
    var data = { versi: Number(tr.dataset.versi) };
    if (jawaban) Object.keys(jawaban).forEach(function (k) { data[k] = jawaban[k]; });
    tr.querySelectorAll("input:not([readonly])").forEach(function (i) { data[i.name] = i.value; });
    var ulang = null; // sent again once this request is done (the user's answer to a question)
    var hasil = false;
    status(tr, "Menyimpan…", "sedang");
    var janji = fetch(tr.dataset.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
      body: JSON.stringify(data),
      credentials: "same-origin",
    })
      .then(function (r) { return r.json().then(function (body) { return { kode: r.status, body: body }; }); })
      .then(function (h) {
        if (h.kode === 200) {
          tandai(tr, null); isi(tr, h.body); status(tr, "Tersimpan", "ok"); tr.classList.remove("berubah");
          hasil = true;
        }
        else if (h.kode === 409 && h.body.tanya) {
          // a year figure without quarters: replaced only when the user says so
          if (window.confirm(h.body.tanya)) { ulang = { ganti_setahun: 1 }; return; }
          status(tr, "Belum disimpan: realisasi setahun tetap. " + h.body.tanya, "galat");
        }
        else if (h.kode === 409) { isi(tr, h.body.sekarang); status(tr, h.body.pesan, "galat"); }
        else if (h.kode === 400) {
          var galat = h.body.galat || {};
          tandai(tr, galat);
          // messages about a cell sit under that cell; the rest go to the row's status
          var lain = Object.keys(galat).filter(function (k) { return !tr.querySelector('input[name="' + k + '"]'); })
            .map(function (k) { return galat[k]; });
          status(tr, lain.length ? lain.join(" ") : h.body.pesan || "Periksa isian yang ditandai.", "galat");
        } else { status(tr, "Gagal menyimpan (" + h.kode + "). Coba lagi.", "galat"); }
      })
      .catch(function () { status(tr, "Tidak terhubung ke server; isian belum tersimpan.", "galat"); })
      .then(function () {
        sedang.delete(tr);
        hitungBerubah();
        if (ulang) return simpan(tr, ulang);
        return hasil;
      });
    sedang.set(tr, janji);
    return janji;
  }

  if (tombolSemua) {
    tombolSemua.hidden = false;
    tombolSemua.addEventListener("click", function () {
      var baris = Array.prototype.slice.call(table.querySelectorAll("tr.berubah"));
      var ok = 0;
      statusGrid.className = "status-grid";
      statusGrid.textContent = "Menyimpan " + baris.length + " baris…";
      baris.reduce(function (janji, tr) { // one after another: a question (window.confirm) comes one at a time
        return janji.then(function () { return simpan(tr).then(function (h) { if (h) ok += 1; }); });
      }, Promise.resolve()).then(function () {
        var gagal = baris.length - ok;
        statusGrid.className = "status-grid " + (gagal ? "galat" : "ok");
        statusGrid.textContent = ok + " baris tersimpan" + (gagal ? "; " + gagal + " baris belum tersimpan, lihat pesan pada barisnya." : ".");
        var pertama = table.querySelector("tr.berubah input:not([readonly])");
        if (gagal && pertama) pertama.focus();
      });
    });
  }

  // ---- moving like in a spreadsheet --------------------------------------------------------------------
  function terlihat(el) { return el.offsetParent !== null; }
  function barisIsian() {
    return Array.prototype.filter.call(table.querySelectorAll("tr[data-jenis]"), terlihat);
  }
  // the same column's next editable cell up or down among the shown rows (of the same kind when jenis is given)
  function selBerikut(input, arah, jenis) {
    var semua = barisIsian();
    var idx = semua.indexOf(input.closest("tr"));
    for (var j = idx + arah; j >= 0 && j < semua.length; j += arah) {
      if (jenis && semua[j].dataset.jenis !== jenis) continue;
      var lain = semua[j].querySelector('input[name="' + input.name + '"]');
      if (lain && !lain.readOnly) return lain;
    }
    return null;
  }
  function pindah(input, arah) {
    var ke = selBerikut(input, arah);
    if (ke) { ke.focus(); return true; }
    return false;
  }

  table.addEventListener("input", function (e) {
    var tr = e.target.closest("tr[data-jenis]");
    if (tr) berubah(tr);
  });
  table.addEventListener("keydown", function (e) {
    var input = e.target;
    var tr = input.closest && input.closest("tr[data-jenis]");
    if (!tr || input.tagName !== "INPUT" || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    var arah = e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey) ? 1
      : e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey) ? -1 : 0;
    if (!arah) return;
    e.preventDefault();
    // leaving the row saves it (focusout); at the last row Enter saves in place
    if (!pindah(input, arah) && e.key === "Enter" && tr.classList.contains("berubah")) simpan(tr);
  });
  // typing into a filled cell replaces it: the whole value is selected when the cell is entered
  var baruMasuk = null;
  table.addEventListener("focusin", function (e) {
    if (e.target.tagName === "INPUT") { e.target.select(); baruMasuk = e.target; }
  });
  table.addEventListener("mouseup", function (e) {
    if (e.target === baruMasuk) e.preventDefault(); // the click that focused the cell keeps the selection
    baruMasuk = null;
  });
  table.addEventListener("focusout", function (e) {
    var tr = e.target.closest("tr[data-jenis]");
    if (!tr || !tr.classList.contains("berubah")) return;
    if (e.relatedTarget && tr.contains(e.relatedTarget)) return; // still in the row (its Simpan button too)
    if (e.relatedTarget && e.relatedTarget.classList.contains("simpan-semua")) return; // that button saves it
    if (!e.relatedTarget && !document.hasFocus()) return; // another window or a dialog: not a leave
    simpan(tr);
  });
  table.addEventListener("click", function (e) {
    if (!e.target.classList.contains("simpan")) return;
    e.preventDefault(); // the button also submits the row's form when scripts are off
    simpan(e.target.closest("tr[data-jenis]"));
  });

  // a block copied from Excel: one line per row down the shown rows of the same kind (a column of rupiah
  // fills anggaran lines, passing over the indicator rows between them), tab-separated cells to the right
  table.addEventListener("paste", function (e) {
    var input = e.target;
    if (input.tagName !== "INPUT" || input.readOnly) return;
    var teks = (e.clipboardData || window.clipboardData).getData("text") || "";
    teks = teks.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    if (teks.indexOf("\n") < 0 && teks.indexOf("\t") < 0) return; // one value: the browser pastes it
    e.preventDefault();
    var baris = teks.split("\n").map(function (b) { return b.split("\t"); });
    var sel = input, terisi = 0, sisa = 0;
    baris.forEach(function (nilai, n) {
      if (n > 0) sel = sel && selBerikut(sel, 1, input.closest("tr").dataset.jenis);
      if (!sel) { sisa += 1; return; }
      var tr = sel.closest("tr");
      var kolom = Array.prototype.filter.call(tr.querySelectorAll("input"), terlihat);
      var mulai = kolom.indexOf(sel);
      nilai.forEach(function (v, m) {
        var tujuan = kolom[mulai + m];
        if (tujuan && !tujuan.readOnly) { tujuan.value = v.trim(); terisi += 1; }
      });
      berubah(tr);
    });
    statusGrid.className = "status-grid " + (sisa ? "galat" : "");
    statusGrid.textContent = terisi + " sel ditempel" + (sisa ? "; " + sisa + " baris terakhir tidak ditempel (tidak ada baris lagi di bawah)." : ".")
      + " Simpan dengan tombol Simpan semua atau dengan meninggalkan baris.";
  });

  // ---- search, folding programs, one triwulan, jumping to a row ------------------------------------
  var cari = document.getElementById("cari-grid");
  var kosong = document.querySelector(".grid-kosong");
  function saring() {
    var q = (cari.value || "").trim().toLowerCase();
    var ada = 0;
    table.querySelectorAll("tbody.program").forEach(function (tb) {
      var semua = !q || (tb.dataset.cari || "").toLowerCase().indexOf(q) >= 0;
      var cocok = 0;
      tb.querySelectorAll("tr[data-cari]").forEach(function (tr) {
        var ya = semua || tr.dataset.cari.toLowerCase().indexOf(q) >= 0;
        tr.classList.toggle("tersaring", !ya);
        if (ya) cocok += 1;
      });
      tb.hidden = !semua && !cocok;
      if (!tb.hidden) ada += 1;
    });
    if (kosong) kosong.hidden = ada > 0;
  }
  if (cari) {
    cari.addEventListener("input", saring);
    cari.form.addEventListener("submit", function (e) { e.preventDefault(); saring(); });
  }

  function lipat(tb, buka) {
    var t = tb.querySelector("button.lipat");
    tb.classList.toggle("terlipat", !buka);
    t.setAttribute("aria-expanded", buka ? "true" : "false");
    t.textContent = buka ? "\u25BE" : "\u25B8";
  }
  table.querySelectorAll("button.lipat").forEach(function (t) { t.hidden = false; });
  table.addEventListener("click", function (e) {
    var t = e.target.closest("button.lipat");
    if (t) lipat(t.closest("tbody"), t.getAttribute("aria-expanded") !== "true");
  });
  var lipatSemua = document.querySelector("[data-lipat-semua]");
  if (lipatSemua) {
    lipatSemua.hidden = false;
    lipatSemua.addEventListener("click", function () {
      var buka = lipatSemua.dataset.buka === "1";
      table.querySelectorAll("tbody.program").forEach(function (tb) { if (tb.querySelector("button.lipat")) lipat(tb, buka); });
      lipatSemua.dataset.buka = buka ? "0" : "1";
      lipatSemua.textContent = buka ? "Lipat semua program" : "Buka semua program";
    });
  }

  // one triwulan: the links work without scripts (?tw=2); here they switch without reloading the page
  var hp = window.matchMedia("(max-width: 45rem)");
  function pilihTw(tw) {
    table.dataset.tw = tw;
    document.querySelectorAll(".pilih-tw a").forEach(function (a) {
      if (a.dataset.tw === tw) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
    var url = new URL(window.location.href);
    if (tw) url.searchParams.set("tw", tw); else url.searchParams.delete("tw");
    var tersembunyi = cari && cari.form.querySelector('input[name="tw"]');
    if (tersembunyi) tersembunyi.remove();
    window.history.replaceState(null, "", url);
  }
  document.querySelectorAll(".pilih-tw a").forEach(function (a) {
    a.addEventListener("click", function (e) { e.preventDefault(); pilihTw(a.dataset.tw); });
  });
  function cukupSatuTw() { if (hp.matches && !table.dataset.tw) pilihTw(table.dataset.twBawaan); } // a phone shows one
  cukupSatuTw();
  if (hp.addEventListener) hp.addEventListener("change", cukupSatuTw);

  function lompat(id) {
    var el = id && document.getElementById(id);
    if (!el || !table.contains(el)) return;
    var tr = el.closest("tr");
    if (tr.classList.contains("tersaring") || tr.closest("tbody").hidden) { cari.value = ""; saring(); }
    var tb = tr.closest("tbody.program");
    if (tb && tb.classList.contains("terlipat")) lipat(tb, true);
    table.querySelectorAll("tr.sorot").forEach(function (t) { t.classList.remove("sorot"); });
    tr.classList.add("sorot");
    var input = Array.prototype.filter.call(tr.querySelectorAll("input:not([readonly])"), terlihat)[0];
    tr.scrollIntoView({ block: "center" });
    if (input) input.focus({ preventScroll: true });
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest('a[href^="#"]');
    if (!a || a.classList.contains("lompat")) return;
    var id = a.getAttribute("href").slice(1);
    if (!document.getElementById(id) || !table.contains(document.getElementById(id))) return;
    e.preventDefault();
    window.history.replaceState(null, "", "#" + id);
    lompat(id);
  });
  if (window.location.hash) lompat(window.location.hash.slice(1));

  window.addEventListener("beforeunload", function (e) {
    if (table.querySelector("tr.berubah")) { e.preventDefault(); e.returnValue = ""; }
  });
})();
