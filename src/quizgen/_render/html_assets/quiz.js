// The quizgen HTML quiz. Everything it needs is in this page: the questions are HTML,
// the answer key is the JSON in #quiz-data, computed by quizgen (quizgen._quiz.forms).
// This script only folds a response as quizgen's `normalize` does and looks it up.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("quiz-data").textContent);
  const rules = data.rules;
  const fold = new Map(Object.entries(rules.fold));
  const sections = Array.from(document.querySelectorAll(".question"));
  const state = sections.map(() => ({ done: false, right: false, retried: false }));
  let current = 0;

  // check.normalize: case, diacritics, punctuation, initials, a leading article.
  function normalize(text) {
    // toLowerCase keeps a final sigma that Python's casefold turns into σ.
    let s = text.toLowerCase().replace(/ς/g, "σ").normalize("NFKD").replace(/\p{M}/gu, "");
    s = Array.from(s, (c) => (fold.has(c) ? fold.get(c) : c)).join("");
    let words = s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const out = [];
    let run = [];
    for (const word of [...words, ""]) {
      if (word.length === 1 && /\p{L}/u.test(word)) { run.push(word); continue; }
      if (run.length > 1) out.push(run.join("")); else out.push(...run);
      run = [];
      if (word) out.push(word);
    }
    words = out;
    if (words.length > 1 && rules.articles.includes(words[0])) words = words.slice(1);
    return words.join(" ");
  }

  function stripTitles(norm) {
    let words = norm.split(" ");
    for (let again = true; again; ) {
      again = false;
      for (const title of rules.titles) {
        const size = title.split(" ").length;
        if (words.length > size && words.slice(0, size).join(" ") === title) {
          words = words.slice(size); again = true; break;
        }
      }
    }
    return words.join(" ");
  }

  // check._forms, and for a person the name without a title.
  function responseForms(q, text) {
    const norm = normalize(text);
    const forms = new Set([norm]);
    const words = norm.split(" ");
    if (words.length > 1 && rules.prepositions.includes(words[0]) && /\d/.test(norm)) {
      forms.add(words.slice(1).join(" "));
    }
    if (q.kind === "actor") for (const f of Array.from(forms)) forms.add(stripTitles(f));
    forms.delete("");
    return forms;
  }

  // check._one_typo: one edit (a swap counts as one) in a long answer without digits.
  function oneTypo(said, target) {
    if (/\d/.test(said + target)) return false;
    if (Array.from(target).filter((c) => /\p{L}/u.test(c)).length < data.minTypo) return false;
    const a = Array.from(said), b = Array.from(target);
    if (Math.abs(a.length - b.length) > 1) return false;
    const d = [];
    for (let i = 0; i <= a.length; i++) {
      d.push([i]);
      for (let j = 1; j <= b.length; j++) {
        if (i === 0) { d[0].push(j); continue; }
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i].push(v);
      }
    }
    return d[a.length][b.length] <= 1;
  }

  // The verdict on a typed response: {correct} or {retry: message}.
  function judge(q, text, retried) {
    const forms = responseForms(q, text);
    if (forms.size === 0) return { correct: false };
    for (const f of forms) if (q.right.includes(f)) return { correct: true };
    for (const f of forms) if (q.retry[f] && !retried) return { retry: q.retry[f] };
    for (const f of forms) if (q.near.includes(f)) return { correct: false };
    for (const f of forms) {
      for (const t of q.typo) {
        if (oneTypo(f, t) && !q.near.some((o) => oneTypo(f, o))) return { correct: true };
      }
    }
    return { correct: false };
  }

  function finish(i, correct, picked) {
    const section = sections[i];
    const q = data.questions[i];
    state[i].done = true;
    state[i].right = correct;
    section.classList.add(correct ? "is-right" : "is-wrong");
    const verdict = section.querySelector(".verdict");
    verdict.textContent = correct ? "Right." : "Not quite.";
    verdict.hidden = false;
    section.querySelectorAll("input, button.choice, .check").forEach((el) => { el.disabled = true; });
    if (q.choice !== undefined) {
      section.querySelectorAll("button.choice").forEach((b) => {
        const k = Number(b.dataset.choice);
        if (k === q.choice) b.classList.add("right");
        else if (k === picked) b.classList.add("wrong");
      });
    }
    section.querySelector(".feedback").hidden = false;
    updateScore();
    const next = section.querySelector(".next");
    next.hidden = false;
    next.focus();
  }

  function updateScore() {
    const answered = state.filter((s) => s.done).length;
    const right = state.filter((s) => s.right).length;
    document.getElementById("score").textContent =
      `${right} right of ${answered} answered (${sections.length} questions)`;
    if (answered === sections.length) {
      const result = document.getElementById("result");
      document.getElementById("final").textContent =
        `You got ${right} of ${sections.length} right (${Math.round((100 * right) / sections.length)}%).`;
      result.hidden = false;
    }
  }

  function show(i) {
    sections.forEach((s, k) => s.classList.toggle("current", k === i));
    current = i;
    if (i >= sections.length) {
      document.getElementById("result").hidden = false;
      document.getElementById("final").focus();
      return;
    }
    const target = sections[i].querySelector("input:not(:disabled), button.choice:not(:disabled)");
    (target || sections[i].querySelector("h2")).focus();
  }

  function nextUnanswered(from) {
    for (let k = from + 1; k < sections.length; k++) if (!state[k].done) return k;
    for (let k = 0; k < from; k++) if (!state[k].done) return k;
    return sections.length;
  }

  sections.forEach((section, i) => {
    const q = data.questions[i];
    const form = section.querySelector("form.typed");
    if (form) {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (state[i].done) return;
        const response = form.elements.response.value;
        // A stray Enter on an empty field is asked about once; the second one gives up.
        const empty = !response.trim() && !state[i].emptied;
        if (empty) state[i].emptied = true;
        const verdict = empty ? { retry: "Type your answer, or press Enter again to see it." }
          : judge(q, response, state[i].retried);
        if (verdict.retry) {
          if (!empty) state[i].retried = true;
          const hint = section.querySelector(".verdict");
          hint.textContent = verdict.retry;
          hint.hidden = false;
          form.elements.response.focus();
          return;
        }
        finish(i, verdict.correct);
      });
    }
    section.querySelectorAll("button.choice").forEach((button) => {
      button.addEventListener("click", () => {
        if (state[i].done) return;
        const picked = Number(button.dataset.choice);
        finish(i, picked === q.choice, picked);
      });
    });
    section.querySelector(".next").addEventListener("click", () => show(nextUnanswered(i)));
  });

  const mode = document.getElementById("mode");
  mode.addEventListener("click", () => {
    const all = document.body.classList.toggle("all");
    mode.setAttribute("aria-pressed", String(all));
    mode.textContent = all ? "One question at a time" : "All questions on one page";
    if (!all) show(current < sections.length ? current : nextUnanswered(-1));
  });
  document.getElementById("restart").addEventListener("click", () => window.location.reload());

  document.body.classList.add("js", "one");
  document.body.classList.remove("all");
  window.quizgenNormalize = normalize; // for tests: compared with the Python normalize
  updateScore();
  show(0);
})();
