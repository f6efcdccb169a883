/** /personnel: the pages the person's roles open. */
import { Link } from "../../app/routing/link";
import { t } from "../i18n/staff-i18n";
import { mayOpen, SECTIONS } from "../routing/staff-routes";
import { useStaffSession } from "../sign-in/staff-session";
import { usePageTitle } from "./staff-layout";

export function HomePage() {
  const session = useStaffSession();
  usePageTitle(t("home.title"));
  const roles = session.status === "signed-in" ? session.me.roles : [];
  const open = SECTIONS.filter(({ page }) => mayOpen(page, roles));
  return (
    <>
      <h1>{t("home.title")}</h1>
      {open.length === 0 ? (
        <p>{t("home.nothing")}</p>
      ) : (
        <ul class="staff-home">
          {open.map(({ page, path }) => (
            <li key={page}>
              <Link href={path}>{t(`layout.pages.${page}`)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
