package se.loftesgrafen.web;

/** JSON body of an error answer. */
record ErrorBody(int status, String error, String message, String requestId) {
}
