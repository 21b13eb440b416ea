"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Agents" },
  { href: "/portfolio", label: "Portfolio" },
  { href: "/developer", label: "Developer" },
  { href: "/pay", label: "Pay" },
  { href: "/verify", label: "Verify" },
] as const;

/** Main navigation; marks the current section. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="order-last flex w-full gap-1 overflow-x-auto text-sm sm:order-none sm:w-auto">
      {LINKS.map(({ href, label }) => {
        const current = href === "/" ? pathname === "/" || pathname.startsWith("/agents") : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 transition-colors ${
              current
                ? "bg-stone-200 font-medium text-stone-900 dark:bg-stone-800 dark:text-stone-50"
                : "text-stone-600 hover:bg-stone-100 hover:text-stone-900 dark:text-stone-400 dark:hover:bg-stone-900 dark:hover:text-stone-100"
            }`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
