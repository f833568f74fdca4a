@protocol:dsj-gmv2 @usecase:S5
Feature: DSJ S5: Graviditetsmappen v2 in the national infrastructure

  These checkpoints need national GMv2 functions that are not in operation for general practice yet; the
  manifest marks them not yet testable with the reason, so a run reports them pending.

  @cp:DSJ-3.3.5.1
  Scenario: The GP system shows the pregnancy's documents from Graviditetsmappen
    Then the GP system shows the documents other authors shared in Graviditetsmappen for the pregnancy

  @cp:DSJ-3.3.5.2
  Scenario: Consent and blocking apply when reading Graviditetsmappen
    Then reading Graviditetsmappen respects the woman's consent and blocking

  @cp:DSJ-3.3.5.3
  Scenario: Documents are grouped into pregnancies by termin date
    Then documents of two pregnancies less than 40 weeks apart are grouped by termin date
