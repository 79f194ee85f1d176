// Live reload for `minimax-archive serve`; never part of a built site.
//
// serve adds <script src=".../reload.js" data-state=URL data-build=TOKEN> to every HTML page it
// sends. This polls the state URL: a new build token means a good rebuild, so the page reloads; an
// error means the last rebuild failed, so the error is shown over the page, which is still the last
// good build. The words live here, not in the site's i18n: this is the preview's, not the site's.
(() => {
  'use strict';
  const script = document.currentScript;
  const stateUrl = script.dataset.state;
  const build = script.dataset.build;
  const zh = (document.documentElement.lang || '').toLowerCase().startsWith('zh');
  const words = zh
    ? {title: '构建失败', note: '页面显示的仍是上一次成功的构建。改好后保存文件，页面会自动刷新。', close: '关闭'}
    : {title: 'Build failed',
       note: 'This page is still the last good build. Fix the file and save: the page reloads by itself.',
       close: 'Close'};
  let host = null;
  let dismissed = null;

  function show(error) {
    if (!error || error === dismissed) {
      if (host) host.hidden = true;
      return;
    }
    if (!host) {
      host = document.createElement('div');
      host.id = 'preview-build-error';
      const root = host.attachShadow({mode: 'open'});
      root.innerHTML = `<style>
        :host { position: fixed; inset: auto 0 0 0; z-index: 2147483647; }
        .box { max-height: 70vh; overflow: auto; margin: 0; padding: 1rem 1.25rem; background: #fff5f5; color: #1a1a1a;
               border-top: 4px solid #c62828; box-shadow: 0 -4px 16px rgba(0, 0, 0, .25);
               font: 15px/1.5 system-ui, sans-serif; }
        h2 { margin: 0 0 .25rem; font-size: 1.1rem; color: #b71c1c; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: .75rem 0 0;
              font: 13px/1.45 ui-monospace, monospace; }
        button { float: right; font: inherit; }
      </style>
      <div class="box" role="alert"><button type="button"></button><h2></h2><p></p><pre></pre></div>`;
      root.querySelector('h2').textContent = words.title;
      root.querySelector('p').textContent = words.note;
      const close = root.querySelector('button');
      close.textContent = words.close;
      close.addEventListener('click', () => {
        dismissed = root.querySelector('pre').textContent;
        host.hidden = true;
      });
      document.body.append(host);
    }
    host.shadowRoot.querySelector('pre').textContent = error;
    host.hidden = false;
  }

  async function poll() {
    try {
      const response = await fetch(stateUrl, {cache: 'no-store'});
      const state = await response.json();
      if (state.build !== build) {
        location.reload();
        return;
      }
      show(state.error);
    } catch (error) {
      // serve stopped or is restarting: keep asking, quietly
    }
    setTimeout(poll, 500);
  }

  poll();
})();
