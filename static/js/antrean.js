// Job progress: every element with data-tugas-status (templates/antrean/_kemajuan.html) asks its JSON status
// URL every 1.5 s until the job is selesai (then the download link is shown) or gagal (the message stays).
// Presentation only: the numbers come from the server. An element with data-muat-ulang="N" (a batch still
// running) reloads the page every N seconds. An element with data-tugas-muat-ulang reloads the page when its job
// ends (the page then shows the job's result itself, e.g. the workbook import preview).
(function () {
  "use strict";

  function isi(el, pilih, teks) {
    var t = el.querySelector(pilih);
    if (t) t.textContent = teks;
  }

  function pantau(el) {
    var url = el.getAttribute("data-tugas-status");
    function tanya() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (s) {
          el.className = "tugas tugas-" + s.status;
          isi(el, "[data-tugas-teks]", s.status_teks);
          isi(el, "[data-tugas-persen]", s.persen + " %");
          isi(el, "[data-tugas-langkah]", s.total ? "(" + s.selesai + "/" + s.total + ")" : "");
          isi(el, "[data-tugas-pesan]", s.pesan);
          var bar = el.querySelector("[data-tugas-bar]");
          if (bar) bar.value = s.persen;
          if ((s.status === "selesai" || s.status === "gagal") && el.hasAttribute("data-tugas-muat-ulang")) {
            window.location.reload();
            return;
          }
          if (s.status === "selesai") {
            var p = el.querySelector("[data-tugas-tautan]");
            if (p && s.tautan) {
              p.querySelector("a").href = s.tautan;
              p.hidden = false;
            }
            return;
          }
          if (s.status !== "gagal") window.setTimeout(tanya, 1500);
        })
        .catch(function () { window.setTimeout(tanya, 5000); });
    }
    tanya();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-tugas-status]").forEach(function (el) {
      if (el.getAttribute("data-tugas-aktif") === "1") pantau(el);
    });
    var muat = document.querySelector("[data-muat-ulang]");
    if (muat) {
      var detik = parseInt(muat.getAttribute("data-muat-ulang"), 10) || 5;
      window.setTimeout(function () { window.location.reload(); }, detik * 1000);
    }
  });
})();
