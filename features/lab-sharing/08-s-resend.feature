@protocol:lab-sharing @usecase:S.RESEND
Feature: Deling af lokale labsvar S.RESEND: duplicates, resends and acknowledgements

  The GP resends a shared CRP: it is the same message again, so LABA keeps one result. LABA then answers a
  haemoglobin with a technical error (transient-error): the sender resends the same message. LABA answers an
  HbA1c with fatal-error (invalid content): it is not resent, and the GP sees it rejected. LABA then keeps answering
  an INR with transient-error: it is resent at most twice, and the GP does not see it shared. Last, LABA answers
  four results with no acknowledgement at all: an HTTP server error (whose body still says ok), a body that is not
  JSON, JSON that is no acknowledgement, and the message itself echoed back; none of them may be shown as shared
  unless it was sent again.

  Background:
    Given test patient "0201609996" has these local lab results registered in the clinic:
      | svar | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | crp  | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 33       | mg/L  | 2026-04-21T08:00:00+02:00 |
    When the GP resends "crp"
    And LABA answers the next message with the acknowledgement "transient-error"
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar | NPU      | analyse                             | resultat | enhed  | prøvetaget                |
      | hb   | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L | 8.0      | mmol/L | 2026-04-21T08:05:00+02:00 |
    And LABA answers the next message with the acknowledgement "fatal-error"
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar  | NPU      | analyse        | resultat | enhed    | prøvetaget                |
      | hba1c | NPU27300 | B-HbA1c (IFCC) | 50       | mmol/mol | 2026-04-21T08:10:00+02:00 |
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar    | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | kontrol | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 6        | mg/L  | 2026-04-22T08:00:00+02:00 |
    And LABA answers the next 3 messages with the acknowledgement "transient-error"
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar | NPU      | analyse                                                                              | resultat | enhed | prøvetaget                |
      | inr  | NPU01685 | P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ? | 2.2      | INR   | 2026-04-22T08:10:00+02:00 |
    And LABA answers the next message with an HTTP server error
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar   | NPU      | analyse                             | resultat | enhed  | prøvetaget                |
      | hb-500 | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L | 7.6      | mmol/L | 2026-04-23T08:00:00+02:00 |
    And LABA answers the next message with a body that is not JSON
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar      | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | crp-tekst | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 18       | mg/L  | 2026-04-23T08:05:00+02:00 |
    And LABA answers the next message with JSON that is no acknowledgement
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar     | NPU      | analyse        | resultat | enhed    | prøvetaget                |
      | hba1c-oo | NPU27300 | B-HbA1c (IFCC) | 61       | mmol/mol | 2026-04-23T08:10:00+02:00 |
    And LABA answers the next message with the message itself, echoed back
    And afterwards the GP registers these local lab results for test patient "0201609996":
      | svar     | NPU      | analyse                             | resultat | enhed  | prøvetaget                |
      | hb-ekko  | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L | 7.9      | mmol/L | 2026-04-23T08:15:00+02:00 |
    And the GP opens the lab results of test patient "0201609996"

  @cp:LAB-3.3.6.1
  Scenario: A resend is a duplicate, not a second result
    Then the resend of "crp" repeats its MessageHeader.id and identifiers with a new Bundle.id, and LABA, as sent, holds it once

  @cp:LAB-3.3.6.2
  Scenario: A transient error is followed by a resend
    Then after the transient-error acknowledgement "hb" is sent again as the same message, at most 2 times

  @cp:LAB-3.3.6.3
  Scenario: A fatal error is not resent
    Then after the fatal-error acknowledgement "hba1c" is not sent again

  @cp:LAB-3.3.6.4
  Scenario: The GP system shows the acknowledgement
    Then the GP system shows "crp" and "hb" as shared and "hba1c" as rejected

  @cp:LAB-3.3.6.5
  Scenario: A database that keeps answering transient-error gets at most two resends
    Then while LABA keeps answering transient-error, "inr" is resent at most 2 times and the GP system does not show it as shared

  @cp:LAB-3.3.6.6
  Scenario: An answer that is no acknowledgement is not taken as shared
    Then the GP system shows none of "hb-500", "crp-tekst", "hba1c-oo" and "hb-ekko" as shared, as none was acknowledged ok
