/**
 * Reads the question, its hint and its help aloud with the device's own voice (Web Speech API),
 * in the page's language. Hidden when the device has no voice for that language: a button
 * that does nothing would be worse than none.
 */
import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../../i18n/use-translation";

function hasVoice(language: string): boolean {
  return (
    "speechSynthesis" in window &&
    window.speechSynthesis.getVoices().some((voice) => voice.lang.toLowerCase().startsWith(language))
  );
}

export function ReadAloud({ text }: { text: () => string }) {
  const { t, language } = useTranslation();
  const [available, setAvailable] = useState(() => hasVoice(language));
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (!("speechSynthesis" in window)) return;
    const update = () => setAvailable(hasVoice(language));
    update();
    window.speechSynthesis.addEventListener("voiceschanged", update);
    return () => {
      window.speechSynthesis.removeEventListener("voiceschanged", update);
      window.speechSynthesis.cancel();
    };
  }, [language]);

  if (!available) return null;

  const toggle = () => {
    window.speechSynthesis.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text());
    utterance.lang = language;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    window.speechSynthesis.speak(utterance);
  };

  return (
    <button type="button" class="read-aloud" aria-pressed={speaking} onClick={toggle}>
      {speaking ? t("wizard:readAloud.stop") : t("wizard:readAloud.listen")}
    </button>
  );
}
