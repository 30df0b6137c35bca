// The page's strings (the server embeds its language's table from sandbox/web/messages.ts) and the language switch.
"use strict";

(() => {
  const messages = JSON.parse(document.getElementById("sandbox-messages").textContent);

  /** The string for `key`, with {name} placeholders filled from `vars`. The page's own script takes it from window. */
  window.sandboxI18n = {
    t(key, vars = {}) {
      const text = messages[key] || key;
      return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
    },
  };

  // The switch remembers the choice in a cookie the server reads before Accept-Language, then reloads.
  const select = document.getElementById("lang-select");
  if (select) {
    select.value = document.documentElement.lang;
    select.addEventListener("change", () => {
      document.cookie = `sandbox_lang=${select.value}; path=/; max-age=31536000; samesite=lax`;
      location.reload();
    });
  }
})();
