-- CreateIndex
CREATE INDEX "Account_validationPeriodEndsAt_idx" ON "Account"("validationPeriodEndsAt");

-- CreateIndex
CREATE INDEX "Conversation_createdAt_idx" ON "Conversation"("createdAt");

-- CreateIndex
CREATE INDEX "Plan_authorizedAt_idx" ON "Plan"("authorizedAt");

-- CreateIndex
CREATE INDEX "Payment_status_createdAt_idx" ON "Payment"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Handoff_createdAt_idx" ON "Handoff"("createdAt");

