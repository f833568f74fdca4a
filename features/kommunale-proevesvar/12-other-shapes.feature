@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar, certbench's own checks: a report whose fields come in the other shapes the profiles allow

  Not steps of MedCom's receive protocol 1.2.1. Its examples give several fields in one shape only: every result as
  a quantity with a unit text, at most one analysis comment per result, the signer's role as a code without its
  display, the phone as the signer's only telecom, one Organization as sender and producer. certbench sends
  TestScript example R1-3.3.1.1 (comments, no attachment: attachments are not relevant in the production trial) with each of them in another shape HomeCareObservation 1.2.1 allows: a urine
  protein grade "1+" as text, the glucose unit only as its UCUM code, two analysis comments on the heart rate and its
  interpretation with the EOJ's own coding of NI before MedCom's, the
  role social- og sundhedsassistent with its display, an e-mail address before the phone, a producer of its own
  beside the sending organisation, named after the PractitionerRole. Beside it the same example with its signer
  named by the family name alone ("efternavn"; MedCom's R1 examples name John by the given name alone). (The same message in an EHMI SBDH envelope is
  KP-SBDH-3's positive control.)

  Background:
    Given the acute-care team sends "andre former": MedCom's test example "R1-3.3.1.1" in the other valid shapes of its fields
    And the acute-care team sends "efternavn": MedCom's test example "R1-3.3.1.1" whose signer is named by the family name alone
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-CB-3
  Scenario: Results as text, a unit given as code and several analysis comments are shown and saved
    Then "andre former" is acknowledged with "ok"
    And the report "andre former" shows every result with value and unit, marked not reference-evaluated
    And the report "andre former" shows the clinical comment for the whole report and each analysis comment on its own result
    And the laboratory chart holds every result of "andre former" with its code, long name, value, unit, sampling time and marked not reference-evaluated
    And every chart row of "andre former" shows its own analysis comment, and only its own
    And the assessor judges "Tekstresultatet (1+), glukosens enhed og begge analysekommentarer til pulsen, hver for sig, vises i prøvesvaret og laboratoriekortet" / "The text result (1+), the glucose unit and both analysis comments on the heart rate, each on its own, are shown in the report and the laboratory chart"

  @cp:KP-CB-4
  Scenario: The signature with the role's display, the phone and a family name alone, and a producer other than the sender
    Then the report "andre former" shows the sender's signature: name, title and phone
    And the report "efternavn" shows the sender's signature: name, title and phone
    And the report "andre former" shows the producer with its SOR id and producer id
    And the assessor judges "Signaturen viser titlen Social- og sundhedsassistent og telefonnummeret, underskriveren af \"efternavn\" hedder Jensen, og producenten er Akutfunktionen, Pleje og Rehabilitering" / "The signature shows the title Social- og sundhedsassistent and the phone number, the signer of \"efternavn\" is named Jensen, and the producer is Akutfunktionen, Pleje og Rehabilitering"
