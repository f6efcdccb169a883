/**
 * Whether this device likely has a camera to photograph a document: where the main pointer is a
 * finger (phones, tablets). A PC rarely has one facing a paper, so it is offered only "Choisir un
 * fichier", which on a phone also opens the camera.
 */
export function cameraLikely(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(pointer: coarse)").matches;
}
