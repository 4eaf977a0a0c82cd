// The application page and the renewal form with JavaScript: "Add rows" adds a row in place (the page works without this
// script: the same buttons post the form and the page comes back with more empty rows); each row gets
// a "Remove" button; the school lists of courses, teachers and leaders follow the school names as they
// are typed; focus goes to the error summary or to the first added row. A file, not an inline script:
// district pages allow scripts from this application only (CSP script-src 'self').
(function () {
  'use strict';

  function rowsOf(fieldset) {
    return fieldset.querySelectorAll('.row[data-row]');
  }

  function highestIndex(fieldset) {
    var highest = -1;
    rowsOf(fieldset).forEach(function (row) {
      highest = Math.max(highest, parseInt(row.getAttribute('data-row'), 10));
    });
    return highest;
  }

  // A copy of the last row for index `index`: names, ids, labels and numbers renumbered, values and errors cleared.
  function newRow(fieldset, index) {
    var rows = rowsOf(fieldset);
    var template = rows[rows.length - 1];
    var old = template.getAttribute('data-row');
    var row = template.cloneNode(true);
    row.setAttribute('data-row', String(index));
    var list = fieldset.getAttribute('data-rows');
    var fromName = list + '[' + old + ']';
    var toName = list + '[' + index + ']';
    var fromId = list + '-' + old + '-';
    var toId = list + '-' + index + '-';
    row.querySelectorAll('.error-message').forEach(function (e) { e.remove(); });
    row.querySelectorAll('[name]').forEach(function (el) {
      el.name = el.name.replace(fromName, toName);
    });
    row.querySelectorAll('[id]').forEach(function (el) { el.id = el.id.replace(fromId, toId); });
    row.querySelectorAll('[for]').forEach(function (el) {
      el.setAttribute('for', el.getAttribute('for').replace(fromId, toId));
    });
    row.querySelectorAll('input, select').forEach(function (el) {
      el.value = '';
      el.required = false;
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
      if (el.tagName === 'SELECT') {
        el.selectedIndex = 0;
      }
    });
    row.querySelectorAll('label > span:first-child').forEach(function (span) {
      span.textContent = span.textContent.replace(/\d+/, String(index + 1));
    });
    row.querySelectorAll('label > span + span').forEach(function (span) { span.remove(); });
    row.querySelectorAll('button.remove-row').forEach(function (b) { b.remove(); });
    addRemoveButton(row);
    return row;
  }

  function addRemoveButton(row) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary remove-row';
    var label = row.querySelector('label > span:first-child');
    button.textContent = 'Remove';
    button.setAttribute('aria-label', 'Remove ' + (label ? label.textContent.replace(/ (name|level)$/, '') : 'row'));
    button.addEventListener('click', function () {
      var fieldset = row.closest('fieldset');
      var next = row.nextElementSibling;
      if (rowsOf(fieldset).length > 1) {
        row.remove();
      } else {
        row.querySelectorAll('input, select').forEach(function (el) { el.value = ''; });
      }
      refreshSchools();
      var focus = (next && next.querySelector('input, select')) || fieldset.querySelector('.add-rows');
      if (focus) {
        focus.focus();
      }
    });
    row.appendChild(button);
  }

  function schoolNames() {
    var names = [];
    document.querySelectorAll('input[name^="schools["][name$="].name"]').forEach(function (input) {
      var name = input.value.trim();
      if (name && names.indexOf(name) < 0) {
        names.push(name);
      }
    });
    return names;
  }

  // Every school select lists the schools typed above; a choice that is no longer typed stays until changed.
  function refreshSchools() {
    var names = schoolNames();
    document.querySelectorAll('select[name$="].school"]').forEach(function (select) {
      var chosen = select.value;
      var options = names.slice();
      if (chosen && options.indexOf(chosen) < 0) {
        options.push(chosen);
      }
      while (select.options.length > 1) {
        select.remove(1);
      }
      options.forEach(function (name) {
        var option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        option.selected = name === chosen;
        select.appendChild(option);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-focus], form[enctype="multipart/form-data"]');
    document.querySelectorAll('.no-js-hint').forEach(function (e) { e.remove(); });
    document.querySelectorAll('fieldset[data-rows]').forEach(function (fieldset) {
      rowsOf(fieldset).forEach(addRemoveButton);
      var add = fieldset.querySelector('button.add-rows');
      if (!add) {
        return;
      }
      add.addEventListener('click', function (event) {
        event.preventDefault();
        var limit = parseInt(fieldset.getAttribute('data-limit'), 10);
        if (rowsOf(fieldset).length >= limit) {
          var status = fieldset.querySelector('.limit-status') || document.createElement('p');
          status.className = 'error-message limit-status';
          status.setAttribute('role', 'alert');
          status.textContent = fieldset.getAttribute('data-limit-message')
              || 'An application takes at most ' + limit + ' rows here. A larger district applies once per group of schools.';
          fieldset.insertBefore(status, add);
          return;
        }
        var row = newRow(fieldset, highestIndex(fieldset) + 1);
        add.parentNode.insertBefore(row, add);
        refreshSchools();
        row.querySelector('input, select').focus();
      });
    });
    document.addEventListener('input', function (event) {
      if (event.target.name && /^schools\[\d+\]\.name$/.test(event.target.name)) {
        refreshSchools();
      }
    });
    document.addEventListener('click', function (event) {
      if (event.target.matches && event.target.matches('button.remove-row')) {
        refreshSchools();
      }
    });
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    } else if (form && form.getAttribute('data-focus')) {
      var target = document.getElementById(form.getAttribute('data-focus').replace(/^(\w+)-(\d+)$/, '$1-$2-name'))
          || document.getElementById(form.getAttribute('data-focus').replace(/^(\w+)-(\d+)$/, '$1-$2-course'));
      if (target) {
        target.focus();
      }
    }
  });
})();
