// District pages: a form is sent once; its button is disabled after the first click, so a
// double-click does not send it twice. The server does not rely on it (identical submissions
// at the same moment still answer as the first did or with a 409). A file, not an inline
// script: district pages allow scripts from this application only (CSP script-src 'self').
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.getAttribute('data-sent') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sent', 'true');
    // After this event: the browser collects the form's values first.
    setTimeout(function () {
      var buttons = form.querySelectorAll('button, input[type=submit]');
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].disabled = true;
        buttons[i].setAttribute('aria-disabled', 'true');
      }
    }, 0);
  });
  // Back to a page from the browser's cache: its forms can be sent again.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    var forms = document.querySelectorAll('form[data-sent]');
    for (var i = 0; i < forms.length; i++) {
      forms[i].removeAttribute('data-sent');
      var buttons = forms[i].querySelectorAll('button, input[type=submit]');
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].disabled = false;
        buttons[j].removeAttribute('aria-disabled');
      }
    }
  });
})();
