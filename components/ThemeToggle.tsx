"use client";

import { useEffect } from "react";

const THEME_KEY = "aurorune.theme";

/** The saved theme, else the system's. */
function preferredDark(): boolean {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === "dark" || saved === "light") return saved === "dark";
  } catch {
    // no storage: follow the system
  }
  return matchMedia("(prefers-color-scheme: dark)").matches;
}

/**
 * Switches between light and dark; the choice is remembered. The layout's inline script applies it before first
 * paint; pages whose HTML is rendered in the browser (a 404 thrown by a page) never run that script, so the
 * toggle applies it again once mounted.
 */
export function ThemeToggle() {
  useEffect(() => {
    document.documentElement.classList.toggle("dark", preferredDark());
  }, []);

  function toggle() {
    const dark = document.documentElement.classList.toggle("dark");
    try {
      localStorage.setItem(THEME_KEY, dark ? "dark" : "light");
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label="Toggle dark mode"
      className="rounded-md border border-stone-300 p-1.5 text-stone-600 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-900"
    >
      <svg viewBox="0 0 24 24" className="h-4 w-4 dark:hidden" aria-hidden="true">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="currentColor" />
      </svg>
      <svg viewBox="0 0 24 24" className="hidden h-4 w-4 dark:block" aria-hidden="true">
        <circle cx="12" cy="12" r="4.5" fill="currentColor" />
        <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    </button>
  );
}
