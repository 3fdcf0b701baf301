// Behaviour wired from data attributes, so that the Content Security Policy can forbid inline script
// (no <script> blocks, no onsubmit=/onchange=/onclick= in the templates). Loaded by base.html on every page.
//   <form data-konfirmasi="Hapus berkas?">  asks first; "Batal" leaves the form unsent
//   <select data-kirim-otomatis>            sends its form as soon as another option is chosen
//   <button data-sekali>                    a form is sent once: a second click while the first is on its way
//                                           does nothing (the buttons are disabled once the form is sent)
//   <form data-jaga-perubahan>              leaving the page with text typed in it and not sent asks first
(function () {
  "use strict";

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    var teks = form.getAttribute("data-konfirmasi");
    if (teks && !window.confirm(teks)) {
      e.preventDefault();
      return;
    }
    if (e.defaultPrevented) return;
    // After this event: a disabled submit button would drop its name=value (aksi=impor) from the request.
    window.setTimeout(function () {
      form.querySelectorAll("[data-sekali]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // Unsaved text: a form marked data-jaga-perubahan that was typed in and not sent keeps the page.
  document.addEventListener("input", function (e) {
    var form = e.target.form || (e.target.closest && e.target.closest("form"));
    if (form && form.hasAttribute("data-jaga-perubahan")) form.dataset.berubah = "1";
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && !e.defaultPrevented) delete form.dataset.berubah;
  });
  window.addEventListener("beforeunload", function (e) {
    if (document.querySelector("form[data-jaga-perubahan][data-berubah]")) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el instanceof HTMLSelectElement && el.hasAttribute("data-kirim-otomatis") && el.form) {
      el.form.submit();
    }
  });
})();
