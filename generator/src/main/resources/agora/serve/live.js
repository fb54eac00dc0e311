// Agora's preview: reloads the page when a build finishes, and shows the build's errors over the page
// until they are fixed. Asks the preview server with a long poll: the answer comes when a build ends.
(() => {
  const script = document.currentScript;
  const stateUrl = new URL('state', script.src);
  let seen = -1;
  let box = null;

  function show(problems) {
    if (!box) {
      box = document.createElement('div');
      box.id = 'agora-build-errors';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;'
        + 'background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1rem 1.25rem;'
        + 'font:15px/1.45 system-ui,sans-serif;box-shadow:0 -4px 16px rgb(0 0 0 / .2)';
      document.body.append(box);
    }
    box.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = 'The site did not build: the page shows the last version that did.';
    box.append(title);
    const list = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = p.where;
      li.append(where, ' ', p.message);
      if (p.hint) {
        const hint = document.createElement('div');
        hint.textContent = 'Fix: ' + p.hint;
        li.append(hint);
      }
      list.append(li);
    }
    box.append(list);
  }

  async function follow() {
    for (;;) {
      try {
        const response = await fetch(stateUrl + '?since=' + seen, { cache: 'no-store' });
        const state = await response.json();
        if (seen >= 0 && state.version > seen && state.ok) { location.reload(); return; }
        seen = state.version;
        if (state.ok) { if (box) { box.remove(); box = null; } } else show(state.problems);
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 1000));   // the server restarts: try again
      }
    }
  }
  follow();
})();
