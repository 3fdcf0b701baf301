// Report page: fold a program, i.e. hide the rows of its kegiatan, sub kegiatan and indicators
// (data-induk = the program's data-id), one at a time or all at once.
(function () {
  "use strict";
  var tabel = document.querySelector("table.laporan");
  if (!tabel) return;
  function atur(tombol, buka) {
    var id = tombol.closest("tr").dataset.id;
    tombol.setAttribute("aria-expanded", buka ? "true" : "false");
    tombol.textContent = buka ? "\u25BE" : "\u25B8";
    tabel.querySelectorAll('tr[data-induk="' + id + '"]').forEach(function (tr) { tr.hidden = !buka; });
  }
  tabel.addEventListener("click", function (e) {
    var t = e.target.closest("button.lipat");
    if (t) atur(t, t.getAttribute("aria-expanded") !== "true");
  });
  var semua = document.querySelector("[data-lipat-semua]");
  if (semua) semua.addEventListener("click", function () {
    var buka = semua.dataset.buka === "1";
    tabel.querySelectorAll("button.lipat").forEach(function (t) { atur(t, buka); });
    semua.dataset.buka = buka ? "0" : "1";
    semua.textContent = buka ? "Lipat semua program" : "Buka semua program";
  });
})();
