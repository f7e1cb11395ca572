package com.dravo.webhooks.signing;

/**
 * The signature headers of one attempt.
 *
 * @param dravoSignature value of {@code Dravo-Signature}: {@code t=<ts>,v1=<hex>[,v1=<hex>]}
 * @param webhookSignature value of {@code webhook-signature}: {@code v1,<b64>[ v1,<b64>]}
 */
public record Signatures(String dravoSignature, String webhookSignature) {
}
