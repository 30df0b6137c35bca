/**
 * The member's opt-in alerts for conversations given to them, kept in this browser (localStorage): a browser
 * notification (asked for only once they turn it on) and a short sound (made with WebAudio, no file).
 */
export interface AlertPrefs {
  browser: boolean;
  sound: boolean;
}

const KEY = "md.deskAlerts";

export function readAlertPrefs(): AlertPrefs {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<AlertPrefs>;
    return { browser: value.browser === true, sound: value.sound === true };
  } catch {
    return { browser: false, sound: false };
  }
}

export function writeAlertPrefs(prefs: AlertPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

/** Two short rising tones, quiet. Browsers allow audio once the page has been interacted with. */
export function playChime(): void {
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    const audio = new Context();
    const start = audio.currentTime;
    [660, 880].forEach((frequency, i) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      const at = start + i * 0.16;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.16);
    });
    setTimeout(() => void audio.close(), 600);
  } catch {
    // No audio: the in-page notice still shows.
  }
}

/** Shows a browser notification when the member turned them on and the browser allows it; clicking opens `href`. */
export function showBrowserNotification(title: string, body: string, href: string, tag: string): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      window.location.assign(href);
      notification.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker: the in-page notice still shows.
  }
}
