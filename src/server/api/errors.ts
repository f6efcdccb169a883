/**
 * Every API error has one shape, {"error": {"code", "message", ...details}}: a stable code for
 * the app to act on and a plain French sentence a person can be shown. Never a stack trace.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiErrorCode } from "../../shared/api/error-codes";

/** One sentence for every code of the contract, no more: the type checks both ways. */
export const ERROR_MESSAGES: { readonly [code in ApiErrorCode]: string } = {
  not_found: "Cette adresse ne correspond à aucun service.",
  method_not_allowed: "Cette action n'est pas possible à cette adresse.",
  invalid_id: "L'identifiant de la demande n'est pas valide.",
  unsupported_media_type: "La demande doit être envoyée au format JSON.",
  body_too_large: "La demande est trop volumineuse pour être reçue.",
  malformed_json: "Le contenu de la demande est illisible.",
  invalid_body: "La demande est incomplète ou mal formée.",
  unknown_flow: "Cette démarche, dans cette version, n'est pas connue du serveur.",
  invalid_answers: "Certaines réponses sont à corriger avant d'envoyer la demande.",
  invalid_documents: "Les documents envoyés ne correspondent pas à ceux de la demande.",
  submission_conflict: "Une autre demande a déjà été reçue avec cet identifiant.",
  document_incomplete: "Un document n'a pas été reçu en entier : il faut finir de l'envoyer.",
  document_mismatch:
    "Un document reçu ne correspond pas à celui de la demande : il faut l'envoyer à nouveau.",
  document_type:
    "Un document n'est pas d'un type accepté. Envoyez une photo (JPEG, PNG, WebP ou HEIC) ou un PDF.",
  document_in_use: "Un document est déjà joint à une autre demande.",
  document_too_large: "Ce document est trop lourd pour cette pièce.",
  unknown_field: "Cette pièce n'existe pas dans la démarche.",
  invalid_upload: "L'envoi du document est mal formé.",
  upload_not_found: "Ce document n'existe pas, ou plus, sur le serveur : il faut l'envoyer à nouveau.",
  upload_expired: "L'envoi de ce document a expiré : il faut l'envoyer à nouveau.",
  upload_offset_conflict: "Le serveur n'a pas reçu la même partie de ce document : reprenez l'envoi.",
  database_unavailable: "Le service est momentanément indisponible. Réessayez dans quelques minutes.",
  internal_error: "Le serveur a rencontré un problème. Réessayez dans quelques minutes.",
};

export type ErrorCode = ApiErrorCode;

/** A JSON error body, for places that build their own Response (the tus hooks). */
export function errorBody(code: ErrorCode, details: Record<string, unknown> = {}): string {
  return JSON.stringify({ error: { code, message: ERROR_MESSAGES[code], ...details } });
}

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  details: Record<string, unknown> = {},
): Response {
  c.header("Cache-Control", "no-store");
  return c.json({ error: { code, message: ERROR_MESSAGES[code], ...details } }, status);
}
