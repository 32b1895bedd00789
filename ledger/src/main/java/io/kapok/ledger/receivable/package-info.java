/**
 * The 1+N part of the ledger: receivables a core enterprise owes its suppliers, their split and
 * transfer down the supply chain, and their financing by partner banks within programmes and credit
 * lines. {@link io.kapok.ledger.receivable.Receivables} applies the commands; the {@link
 * io.kapok.ledger.Ledger} dispatches to it.
 *
 * <pre>
 *  message                         command                        entitled sender              events
 *  configuration / tsin.010        SetCreditLineCommand           (genesis)                    —
 *  configuration                   CreateProgrammeCommand         (genesis)                    —
 *  tsin.009 → tsin.010/011/012     OnboardPartyCommand            programme's bank or core     PARTY_ONBOARDED
 *  tsin.004 / tsin.006 item        RegisterReceivableCommand      debtor or creditor           RECEIVABLE_STATE
 *  tsin.013                        ConfirmReceivableCommand       debtor                       RECEIVABLE_STATE
 *  (split and transfer)            SplitReceivableCommand         holder                       RECEIVABLE_SPLIT, RECEIVABLE_STATE ×2, RECEIVABLE_ASSIGNED
 *  tsin.006 to a bank (factoring)  AssignReceivableCommand        holder, onboarded            (RECEIVABLE_SPLIT, RECEIVABLE_STATE)?, CREDIT_RESERVED, RECEIVABLE_STATE, RECEIVABLE_ASSIGNED
 *  (withdrawal)                    CancelReceivableCommand        holder                       CREDIT_RELEASED?, RECEIVABLE_STATE
 *  tsin.001 → tsin.002 RCCF/RCER   RequestFinancingCommand        holder, onboarded            FINANCING_STATE, RECEIVABLE_STATE
 *  bank's tsin.002 FNCD / reject   DecideFinancingCommand         programme's bank             FINANCING_STATE, CREDIT_RESERVED, RECEIVABLE_STATE
 *  bank's pacs.008 (disbursement)  DisburseFinancingCommand       financing bank               FINANCING_STATE, CREDIT_POSTED, RECEIVABLE_STATE, RECEIVABLE_ASSIGNED
 *  tsin.003 → tsin.002 PACK/REJT   CancelFinancingCommand         requester                    CREDIT_RELEASED?, FINANCING_STATE, RECEIVABLE_STATE
 *  debtor bank's pacs.008          SettleReceivableCommand        paying bank                  POSTED ×2, CREDIT_RELEASED?, FINANCING_STATE?, RECEIVABLE_STATE
 * </pre>
 *
 * Any command that finds an unpaid receivable past its due date first marks it OVERDUE (a
 * RECEIVABLE_STATE event), even when the command itself is then refused.
 */
package io.kapok.ledger.receivable;
