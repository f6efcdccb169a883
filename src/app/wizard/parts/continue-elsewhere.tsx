/**
 * "Continuer sur un autre appareil" on every page of a procedure, once the draft exists (its
 * first answer is saved): the hand-off page for it. On a post, "Continuer sur mon téléphone"
 * (locales/<lng>/post.json), where a person who stops for a missing paper needs it most.
 */
import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../../i18n/use-translation";
import { Link } from "../../routing/link";
import { paths } from "../../routing/routes";
import type { WizardSession } from "../session";

export function ContinueElsewhere({ session }: { session: WizardSession }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(session.saves.state !== "idle");
  useEffect(() => session.onSave(() => setSaved(session.saves.state !== "idle")), [session]);
  if (!saved) return null;
  return (
    <p>
      <Link href={paths.handoffSend(session.draftId)}>{t("wizard:step.continueElsewhere")}</Link>
    </p>
  );
}
