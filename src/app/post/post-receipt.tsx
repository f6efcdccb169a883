/**
 * A receipt shown on a post: the receipt itself stays only in the post's memory, so the person
 * takes the reference away — by SMS or email (the server's message queue; the post keeps neither
 * the address nor the reference), or by scanning a QR code that holds the reference as text.
 */
import { useMemo, useState } from "preact/hooks";
import { encode } from "uqr";
import { useTranslation } from "../i18n/use-translation";
import { sendReferenceTo } from "../sync/post-api";

export function PostReceipt({ requestId, reference }: { requestId: string; reference: string }) {
  const { t, language } = useTranslation();
  const [address, setAddress] = useState("");
  const [outcome, setOutcome] = useState<"sent" | "invalid" | "failed">();
  const qr = useMemo(() => encode(reference, { ecc: "M", border: 2 }), [reference]);
  const dark = useMemo(
    () => qr.data.flatMap((row, y) => row.map((on, x) => (on ? `M${x} ${y}h1v1h-1z` : ""))).join(""),
    [qr],
  );

  const send = async (event: Event) => {
    event.preventDefault();
    setOutcome(await sendReferenceTo(requestId, address, language));
    setAddress("");
  };

  return (
    <section class="post-receipt" aria-labelledby="post-receipt-heading">
      <h2 id="post-receipt-heading">{t("post:receipt.heading")}</h2>
      <p>{t("post:receipt.intro")}</p>
      <svg
        class="post-receipt__qr"
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        role="img"
        aria-label={t("post:receipt.qrLabel", { reference })}
        shape-rendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={dark} fill="#000" />
      </svg>
      <form onSubmit={send}>
        <label for="post-receipt-address">{t("post:receipt.addressLabel")}</label>
        <input
          id="post-receipt-address"
          type="text"
          inputMode="email"
          autoComplete="off"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t("post:receipt.send")}
        </button>
      </form>
      {outcome && (
        <p class={`notice ${outcome === "sent" ? "notice--info" : "notice--error"}`} role="status">
          {t(`post:receipt.${outcome}`)}
        </p>
      )}
    </section>
  );
}
