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
  body_too_complex: "La demande contient trop de valeurs ou trop de niveaux pour être reçue.",
  invalid_body: "La demande est incomplète ou mal formée.",
  unknown_flow: "Cette démarche, dans cette version, n'est pas connue du serveur.",
  invalid_answers: "Certaines réponses sont à corriger avant d'envoyer la demande.",
  invalid_documents: "Les documents envoyés ne correspondent pas à ceux de la demande.",
  submission_conflict: "Une autre demande a déjà été reçue avec cet identifiant.",
  document_incomplete: "Un document n'a pas été reçu en entier : il faut finir de l'envoyer.",
  document_mismatch:
    "Un document reçu ne correspond pas à celui de la demande : il faut l'envoyer à nouveau.",
  document_type: "Un document n'est pas d'un type accepté. Envoyez une photo (JPEG, PNG ou WebP) ou un PDF.",
  document_unsafe:
    "Ce PDF contient des éléments actifs (un programme, un fichier joint) ou il est protégé : il ne peut pas être accepté. Envoyez une photo du document, ou un PDF simple.",
  document_unreadable:
    "Nous n'arrivons pas à ouvrir cette image : elle est peut-être abîmée, ou dans un format que nous ne lisons pas (HEIC). Envoyez une photo JPEG ou un PDF.",
  document_too_many_pixels:
    "Cette image est beaucoup trop grande pour être ouverte. Envoyez une photo plus petite, ou un PDF.",
  document_in_use: "Un document est déjà joint à une autre demande.",
  document_too_large: "Ce document est trop lourd pour cette pièce.",
  unknown_field: "Cette pièce n'existe pas dans la démarche.",
  invalid_upload: "L'envoi du document est mal formé.",
  upload_not_found: "Ce document n'existe pas, ou plus, sur le serveur : il faut l'envoyer à nouveau.",
  upload_expired: "L'envoi de ce document a expiré : il faut l'envoyer à nouveau.",
  upload_offset_conflict: "Le serveur n'a pas reçu la même partie de ce document : reprenez l'envoi.",
  too_many_uploads:
    "Beaucoup de documents ont été envoyés depuis cette connexion. L'envoi reprendra tout seul un peu plus tard.",
  upload_quota_reached:
    "Trop de documents envoyés depuis cette connexion attendent leur demande. Envoyez d'abord votre demande, ou réessayez plus tard.",
  storage_full:
    "Le serveur ne peut pas recevoir de nouveaux documents pour le moment. L'envoi reprendra tout seul plus tard.",
  database_unavailable: "Le service est momentanément indisponible. Réessayez dans quelques minutes.",
  internal_error: "Le serveur a rencontré un problème. Réessayez dans quelques minutes.",
  cross_origin: "Cette action doit venir du site Pas à pas lui-même.",
  invalid_address:
    "Écrivez une adresse e-mail (nom@exemple.nc) ou un numéro de portable de Nouvelle-Calédonie (6 chiffres).",
  too_many_codes: "Trop de codes ont été demandés. Attendez une heure avant d'en demander un autre.",
  wrong_code: "Ce code n'est pas le bon. Vérifiez le dernier message reçu.",
  code_expired: "Ce code ne marche plus. Demandez-en un nouveau.",
  not_signed_in: "Vous n'êtes pas connecté, ou plus : connectez-vous à nouveau.",
  session_not_found: "Cette connexion n'existe pas, ou est déjà fermée.",
  oidc_not_configured: "La connexion avec NC Connect n'est pas proposée ici.",
  draft_not_found: "Ce brouillon n'existe pas, ou plus, dans votre compte.",
  draft_conflict:
    "Ce brouillon a été modifié sur un autre appareil entre-temps : choisissez la version à garder.",
  too_many_drafts:
    "Votre compte garde déjà 50 brouillons. Envoyez ou supprimez-en un avant d'en commencer un autre.",
  draft_document_not_found:
    "Ce document n'est pas, ou plus, dans ce brouillon de votre compte. Ajoutez-le à nouveau.",
  not_a_post: "Ce navigateur n'est pas un poste de l'espace numérique.",
  help_call_not_found: "Cet appel à l'aide n'existe pas ou est déjà terminé.",
  handoff_not_found:
    "Aucun dossier ne correspond à ce code. Vérifiez chaque caractère, ou demandez un nouveau code sur l'autre appareil.",
  handoff_used:
    "Ce dossier a déjà été repris sur un appareil. Pour le reprendre encore, faites un nouveau code sur l'appareil de départ.",
  handoff_expired:
    "Ce code ne marche plus : il n'est valable qu'un temps limité. Faites un nouveau code sur l'appareil de départ.",
  too_many_attempts:
    "Trop de codes faux ont été essayés depuis cette connexion. Attendez une heure, puis réessayez.",
  too_many_handoffs:
    "Beaucoup de dossiers ont été préparés depuis cette connexion. Réessayez dans une heure.",
  staff_sign_in_required:
    "Cet espace est réservé au personnel : connectez-vous avec votre compte professionnel.",
  staff_role_required: "Votre compte ne permet pas cette action. Demandez-la à un administrateur.",
  staff_sign_in_failed: "L'adresse e-mail ou le mot de passe n'est pas le bon.",
  staff_locked:
    "Trop d'essais ont échoué : ce compte est bloqué pendant 15 minutes. Réessayez ensuite, ou demandez à un administrateur.",
  staff_too_many_attempts:
    "Trop d'essais ont échoué depuis cette connexion. Attendez 15 minutes avant de réessayer.",
  staff_wrong_code:
    "Ce code n'est pas le bon, ou a déjà servi. Tapez le code affiché maintenant dans l'application.",
  staff_sign_in_expired: "La connexion a pris trop de temps. Recommencez avec votre mot de passe.",
  staff_not_found: "Ce compte du personnel n'existe pas.",
  staff_directory_not_configured:
    "La connexion par l'annuaire de la province n'est pas ouverte ici. Connectez-vous avec votre mot de passe.",
  staff_directory_failed:
    "La connexion par l'annuaire de la province n'a pas abouti. Recommencez, ou connectez-vous avec votre mot de passe.",
  staff_not_provisioned:
    "L'annuaire vous reconnaît, mais vous n'avez pas encore de compte ici. Demandez à un administrateur de vous en ouvrir un.",
  transition_not_allowed: "Cette demande ne peut pas passer à cet état depuis celui où elle est.",
  reason_required: "Il faut donner un motif pour cette décision.",
  reason_not_expected: "Cette action ne prend pas de motif.",
  unknown_reason: "Ce motif ne fait pas partie de la liste du service.",
  request_changed: "Quelqu'un a changé cette demande entre-temps : rechargez-la pour voir où elle en est.",
  not_an_agent_of_procedure:
    "Cette personne ne traite pas cette démarche : choisissez un agent de la démarche.",
  note_empty: "La note est vide.",
  unknown_document_field: "Cette pièce n'existe pas dans la démarche de cette demande.",
  ask_text_required: "Dites au demandeur ce qu'il doit corriger.",
  ask_documents_required: "Cochez au moins une pièce à demander.",
  task_not_found: "Cette demande de la province n'existe pas, ou plus.",
  task_answered: "Vous avez déjà répondu à cette demande de la province.",
  task_answer_conflict: "Une autre réponse a déjà été envoyée avec cet identifiant.",
  attachment_invalid:
    "Un document joint n'est pas arrivé en entier, n'est pas accepté, ou est déjà joint ailleurs : envoyez-le à nouveau.",
  unknown_question_field: "Cette question n'existe pas dans la démarche de cette demande.",
  correction_not_asked:
    "Seules les réponses que la province a demandé de corriger peuvent être changées ici.",
  invalid_corrections:
    "Ces réponses ne peuvent pas être enregistrées : elles sont à vérifier. Vos réponses d'avant sont gardées.",
  attachment_too_large:
    "Un fichier joint est trop lourd : 5 Mo au plus par fichier, 25 Mo pour tout le message.",
  attachment_type: "Un fichier joint n'est ni un PDF, ni une photo JPEG ou PNG : joignez un de ces fichiers.",
  attachment_unsafe:
    "Un PDF joint contient des scripts ou est protégé par un mot de passe : joignez un PDF simple, sans protection.",
  attachment_unreadable: "Un fichier joint est abîmé et ne s'ouvre pas : joignez-en une autre copie.",
  too_many_attachments: "Un message peut porter 5 fichiers au plus.",
  attachment_not_found: "Ce fichier joint n'existe pas, ou plus.",
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
