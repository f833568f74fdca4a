@protocol:kommunale-proevesvar @usecase:R.CORR
Feature: Kommunale prøvesvar R.CORR (certbench's own checks): what each kind of correction changed is shown

  Not part of MedCom's receive protocol 1.2.1 (outside the production trial), mandatory in the standard. The IG
  names what a correction may change: sampling time, result, clinical or analysis comment, attachment, GP initials
  and signature. The team sends MedCom's example R1-3.3.2.1 (two results, both kinds of comment, an image) eight
  times and corrects one of these in each, the results once by adding one (C-reactive protein, a certbench addition:
  a result the first message left out); the GP system must say what each correction changed.

  @cp:KP-CORR-5
  Scenario: Each correctable element corrected on its own is shown as changed
    Given the acute-care team sends "resultat": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "prøvetid": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "analysekommentar": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "klinisk kommentar": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "bilag": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "initialer": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "signatur": MedCom's test example "R1-3.3.2.1"
    And the acute-care team sends "tilføjet resultat": MedCom's test example "R1-3.3.2.1"
    When the team sends "resultat rettet": a correction of "resultat" that changes only its "result"
    And the team sends "prøvetid rettet": a correction of "prøvetid" that changes only its "sampling time"
    And the team sends "analysekommentar rettet": a correction of "analysekommentar" that changes only its "analysis comment"
    And the team sends "klinisk kommentar rettet": a correction of "klinisk kommentar" that changes only its "clinical comment"
    And the team sends "bilag rettet": a correction of "bilag" that changes only its "attachment"
    And the team sends "initialer rettet": a correction of "initialer" that changes only its "GP initials"
    And the team sends "signatur rettet": a correction of "signatur" that changes only its "signature"
    And the team sends "resultat tilføjet": a correction of "tilføjet resultat" that changes only its "results: one added"
    And the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the corrected report "resultat rettet" says what it changed in "resultat": each corrected result by code or name, no other result
    And the corrected report "prøvetid rettet" says what it changed in "prøvetid": each corrected result by code or name, no other result
    And the corrected report "analysekommentar rettet" says what it changed in "analysekommentar": each corrected result by code or name, no other result
    And the corrected report "klinisk kommentar rettet" says what it changed in "klinisk kommentar": each corrected result by code or name, no other result
    And the corrected report "bilag rettet" says what it changed in "bilag": each corrected result by code or name, no other result
    And the corrected report "initialer rettet" says what it changed in "initialer": each corrected result by code or name, no other result
    And the corrected report "signatur rettet" says what it changed in "signatur": each corrected result by code or name, no other result
    And the corrected report "resultat tilføjet" says what it changed in "tilføjet resultat": each corrected result by code or name, no other result
    And the assessor judges "Hver rettelse vises med det, den har rettet: resultat, prøvetid, analysekommentar, klinisk kommentar, bilag, initialer, signatur og et tilføjet resultat" / "Each correction shows what it corrected: result, sampling time, analysis comment, clinical comment, attachment, initials, signature and an added result"
