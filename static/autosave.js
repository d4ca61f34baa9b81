// Autosave for the answering form: each answer saves itself about a second after typing
// stops and when the comment field is left, through the same address the form posts to,
// asking for JSON. Unsaved text is kept in localStorage until the server has it, so a lost
// connection or a closed tab loses nothing; a lost connection is shown and retried. The page
// works without this file: the form's Spara buttons post everything.
(function () {
  'use strict';

  var DELAY_MS = 1000;
  var MAX_RETRY_MS = 30000;
  var storageKey = function (id) { return 'uppsikt:' + window.location.pathname + ':' + id; };

  // On the conflict view the person decides: the text kept in the browser has done its work.
  var decisions = document.querySelectorAll('[data-conflict-for]');
  for (var d = 0; d < decisions.length; d++) {
    decisions[d].addEventListener(decisions[d].tagName === 'FORM' ? 'submit' : 'click', function (event) {
      store(storageKey(event.currentTarget.getAttribute('data-conflict-for')), null);
    });
  }

  var form = document.querySelector('form[data-autosave-form]');
  if (!form || !window.fetch) return;

  function field(name) { return form.elements.namedItem(name); }

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode or full: the form still posts */ }
  }

  function stored(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function Question(article) {
    this.article = article;
    this.id = article.getAttribute('data-question');
    // The fields' names come from the page (web/answer_fields.h), never spelled here.
    this.comment = article.querySelector('[data-comment]');
    this.version = article.querySelector('[data-version]');
    this.check = article.querySelector('[data-check]');
    var option = article.querySelector('input[type=radio]');
    this.choiceName = option ? option.name : '';
    this.status = article.querySelector('[data-status]');
    this.count = article.querySelector('[data-count]');
    this.timer = null;
    this.retryMs = 2000;
    this.saving = false;
    this.again = false;
  }

  Question.prototype.choice = function () {
    var checked = this.article.querySelector('input[type=radio]:checked');
    return checked ? checked.value : '';
  };

  Question.prototype.setChoice = function (value) {
    var radios = this.article.querySelectorAll('input[type=radio]');
    for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === value;
  };

  Question.prototype.say = function (text) { if (this.status) this.status.textContent = text; };

  Question.prototype.showCount = function () {
    if (!this.count || !this.comment) return;
    var length = Array.from(this.comment.value).length;
    this.count.textContent = length + ' av ' + this.comment.getAttribute('data-max') + ' tecken';
  };

  // Called on every change: keep the text, and save once typing has stopped.
  Question.prototype.changed = function () {
    store(storageKey(this.id), { choice: this.choice(), comment: this.comment.value, version: this.version.value });
    this.showCount();
    this.say('Inte sparat än');
    this.schedule(DELAY_MS);
  };

  Question.prototype.schedule = function (ms) {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.timer = null; self.save(); }, ms);
  };

  Question.prototype.save = function () {
    window.clearTimeout(this.timer);
    this.timer = null;
    if (this.saving) { this.again = true; return; }
    this.saving = true;
    var self = this;
    var body = new URLSearchParams();
    body.set('_csrf', field('_csrf').value);
    body.set(this.version.name, this.version.value);
    body.set(this.choiceName, this.choice());
    body.set(this.comment.name, this.comment.value);
    self.say('Sparar …');
    window.fetch(form.getAttribute('action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
      body: body,
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('application/json') !== 0) throw new Error('not json');
      return response.json().then(function (reply) { self.answered(reply); });
    }).catch(function () {
      self.say('Ingen anslutning. Texten finns kvar i webbläsaren och sparas när anslutningen är tillbaka.');
      self.article.classList.add('uppsikt-question--offline');
      self.schedule(self.retryMs);
      self.retryMs = Math.min(self.retryMs * 2, MAX_RETRY_MS);
    }).then(function () {
      self.saving = false;
      if (self.again) { self.again = false; self.save(); }
    });
  };

  Question.prototype.answered = function (reply) {
    this.retryMs = 2000;
    this.article.classList.remove('uppsikt-question--offline');
    if (reply.status === 'saved') {
      if (reply.version) this.version.value = reply.version;
      if (reply.check) this.check.value = reply.check;
      var current = stored(storageKey(this.id));
      if (current && current.comment === this.comment.value && current.choice === this.choice())
        store(storageKey(this.id), null);
      this.say(reply.saved_at ? 'Sparat ' + reply.saved_at : 'Sparat');
      return;
    }
    if (reply.status === 'conflict') {
      this.say('Inte sparat: ' + reply.message + (reply.changed_by ? ' (' + reply.changed_by + ', ' + reply.changed_at + ')' : ''));
      this.offerConflictView();
      return;
    }
    this.say('Inte sparat: ' + reply.message);
  };

  // A button that posts this answer as a plain form, which answers with the conflict view.
  Question.prototype.offerConflictView = function () {
    if (this.article.querySelector('[data-conflict]')) return;
    var self = this;
    this.offer('Jämför svaren och välj', function () {
      var post = document.createElement('form');
      post.method = 'post';
      post.action = form.getAttribute('action');
      var values = { '_csrf': field('_csrf').value };
      values[self.version.name] = self.version.value;
      values[self.choiceName] = self.choice();
      values[self.comment.name] = self.comment.value;
      Object.keys(values).forEach(function (name) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = values[name];
        post.appendChild(input);
      });
      document.body.appendChild(post);
      post.submit();
    }).setAttribute('data-conflict', '');
  };

  // Text typed before a reload or a lost connection comes back and is saved again. When the
  // answer was saved by someone since, the text is only offered: saving it goes through the
  // conflict view.
  Question.prototype.restore = function () {
    var kept = stored(storageKey(this.id));
    if (!kept) return;
    if (kept.comment === this.comment.value && kept.choice === this.choice()) {
      store(storageKey(this.id), null);
      return;
    }
    if (kept.version === this.version.value) {
      this.put(kept);
      this.say('Osparad text från förra besöket är återställd och sparas nu.');
      this.schedule(DELAY_MS);
      return;
    }
    var self = this;
    this.say('Det finns osparad text från ett tidigare besök, skriven innan svaret ändrades.');
    this.offer('Återställ min osparade text', function () {
      self.put(kept);
      self.save();
    });
  };

  Question.prototype.put = function (kept) {
    this.comment.value = kept.comment;
    this.setChoice(kept.choice);
    this.showCount();
  };

  // A button after the status line; clicking it runs `action` once and removes the button.
  Question.prototype.offer = function (label, action) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary button--small';
    button.textContent = label;
    button.addEventListener('click', function () {
      button.remove();
      action();
    });
    this.status.insertAdjacentElement('afterend', button);
    return button;
  };

  Question.prototype.copyPrevious = function () {
    var choice = this.article.querySelector('[data-previous-choice]');
    var comment = this.article.querySelector('[data-previous-comment]');
    if (choice) this.setChoice(choice.value);
    if (comment) this.comment.value = comment.value;
    this.changed();
    this.save();
  };

  Question.prototype.listen = function () {
    var self = this;
    this.article.addEventListener('input', function () { self.changed(); });
    this.article.addEventListener('change', function (event) {
      if (event.target.type === 'radio') self.changed();
    });
    this.comment.addEventListener('blur', function () { if (self.timer) self.save(); });
    var copy = this.article.querySelector('[data-copy]');
    if (copy) copy.addEventListener('click', function (event) {
      event.preventDefault();
      self.copyPrevious();
    });
  };

  var questions = [];
  var articles = form.querySelectorAll('[data-question]');
  for (var i = 0; i < articles.length; i++) {
    var q = new Question(articles[i]);
    if (!q.comment || !q.version) continue;
    q.listen();
    q.restore();
    questions.push(q);
  }
  window.addEventListener('online', function () {
    questions.forEach(function (q) { if (q.article.classList.contains('uppsikt-question--offline')) q.save(); });
  });
  // Leaving the page with a save pending: send it now (the text is in localStorage anyway).
  window.addEventListener('pagehide', function () {
    questions.forEach(function (q) { if (q.timer) q.save(); });
  });
  form.addEventListener('submit', function () {
    questions.forEach(function (q) { window.clearTimeout(q.timer); q.timer = null; });
  });
  var note = document.getElementById('autospara-info');
  if (note) note.hidden = false;
}());
