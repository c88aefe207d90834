// Progressive enhancement for Share Your Story. The form works fully without this file.
// A draft is kept on this device only when the reporter asks, and is deleted once the report is sent.
(function () {
  'use strict';
  var DRAFT = 'nearmiss.share.draft';

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  // On the page that shows the key: the report is in, so any draft goes, and the key can be copied.
  if (document.body.hasAttribute('data-report-filed')) {
    var store = storage();
    if (store) { store.removeItem(DRAFT); }
    var copy = document.getElementById('copy-key');
    var key = document.getElementById('report-key');
    if (copy && key && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(key.textContent.trim()).then(function () {
          document.getElementById('copy-state').textContent = 'Copied. Paste it somewhere only you can see.';
        });
      });
    }
    return;
  }

  var form = document.getElementById('share-form');
  var box = document.getElementById('draft');
  var keep = document.getElementById('keep-draft');
  var state = document.getElementById('draft-state');
  var store = storage();
  if (!form || !box || !keep || !store) { return; }
  box.hidden = false;

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== 'questionnaireVersion';
    });
  }

  function save() {
    var draft = {};
    fields().forEach(function (el) {
      if ((el.type === 'checkbox' || el.type === 'radio')) {
        if (el.checked) { (draft[el.name] = draft[el.name] || []).push(el.value); }
      } else if (el.value) {
        draft[el.name] = [el.value];
      }
    });
    store.setItem(DRAFT, JSON.stringify(draft));
    state.textContent = 'Draft kept on this device.';
  }

  function restore(draft) {
    fields().forEach(function (el) {
      var values = draft[el.name];
      if (!values) { return; }
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = values.indexOf(el.value) >= 0;
      } else if (!el.value) {
        el.value = values[0];
      }
    });
  }

  var saved = store.getItem(DRAFT);
  if (saved) {
    try {
      restore(JSON.parse(saved));
      keep.checked = true;
      state.textContent = 'Your draft from this device was restored. Untick the box to delete it.';
    } catch (e) {
      store.removeItem(DRAFT);
    }
  }

  var timer = null;
  form.addEventListener('input', function () {
    if (!keep.checked) { return; }
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  keep.addEventListener('change', function () {
    if (keep.checked) {
      save();
    } else {
      store.removeItem(DRAFT);
      state.textContent = 'Draft deleted from this device.';
    }
  });
})();
