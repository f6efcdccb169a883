/**
 * Around every staff page once signed in: who is signed in and with which roles, the pages
 * their roles open, and a visible "Se déconnecter". Moving to another page puts the keyboard's
 * focus on its content, as a page load would.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { Link } from "../../app/routing/link";
import type { StaffMe } from "../../shared/api/staff";
import { t } from "../i18n/staff-i18n";
import { mayOpen, SECTIONS, staffPageOf, staffPaths } from "../routing/staff-routes";
import { signOutStaff } from "../sign-in/staff-session";

export function StaffLayout({
  me,
  path,
  children,
}: {
  me: StaffMe;
  path: string;
  children: ComponentChildren;
}) {
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  const current = staffPageOf(path);

  useEffect(() => {
    if (path !== firstPath.current) main.current?.focus();
  }, [path]);

  const roles = me.roles.map((role) => t(`roles.${role}`)).join(", ");
  return (
    <>
      <a class="skip-link" href="#contenu">
        {t("layout.skip")}
      </a>
      <header class="site-header staff-header">
        <div class="site-header__inner">
          <p class="site-header__name">
            <Link href={staffPaths.home}>{t("layout.name")}</Link>
          </p>
          <p class="staff-header__who">{t("layout.signedInAs", { name: me.name, roles })}</p>
          <button type="button" class="button" onClick={() => void signOutStaff()}>
            {t("layout.signOut")}
          </button>
        </div>
        <nav class="staff-nav" aria-label={t("layout.navigation")}>
          <ul>
            {SECTIONS.filter(({ page }) => mayOpen(page, me.roles)).map(({ page, path: to }) => (
              <li key={page}>
                <Link href={to} aria-current={page === current ? "page" : undefined}>
                  {t(`layout.pages.${page}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenu" class="page staff-page" tabIndex={-1} ref={main}>
        {children}
      </main>
    </>
  );
}

/** The tab's title names the page first. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${t("layout.name")}`;
  }, [title]);
}
