@protocol:kommunale-proevesvar @usecase:R1
Feature: Kommunale prøvesvar, part of R1 (receive protocol 1.2.1, 3.2.2): reports with attached files

  MedCom's TestScript examples R1-3.3.2.1 (a PNG image with clinical and analysis comments) and R1-3.3.2.4 (a
  PNG image, no comments), as the protocol names them. Not relevant in the production trial (a round's test plan
  says so); tested when the receiver asks for it.

  @cp:KP-3.2.2.1
  Scenario: 3.2.2.1 a report with attached files and comments is loaded
    Given the acute-care team sends "med fil": MedCom's test example "R1-3.3.2.1"
    Then "med fil" is acknowledged with "ok"
    And the assessor judges "Testeksemplet med vedhæftede filer er indlæst" / "The HomeCareObservation test example is loaded."

  @cp:KP-3.2.2.2
  Scenario: 3.2.2.2 the attached files are shown and can be opened
    Given the acute-care team sends "med fil": MedCom's test example "R1-3.3.2.1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the GP is notified of the new report "med fil"
    And the report "med fil" shows its attachments
    And the assessor judges "Trin 3.2.1.3–3.2.1.11 er gennemført; de vedhæftede filer vises tydeligt med id og titel og kan åbnes" / "The test steps 3.2.1.3-3.2.1.11   has been completed and a HomeCareObservation with attached files has been received. SUT clearly displays the attached files for the user, and the user can access the attached files."

  @cp:KP-3.2.2.3
  Scenario: 3.2.2.3 the attached files in the laboratory chart
    Given the acute-care team sends "med fil": MedCom's test example "R1-3.3.2.1"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the laboratory chart shows the attachments of "med fil"
    And the assessor judges "De vedhæftede filer vises i laboratoriekortet og kan åbnes derfra" / "SUT clearly displays the attached files in the laboratory chart for the user, and the user can access the attached files."

  @cp:KP-3.2.2.4
  Scenario: 3.2.2.4 a report with an attached file and no comments is loaded
    Given the acute-care team sends "fil uden kommentarer": MedCom's test example "R1-3.3.2.4"
    Then "fil uden kommentarer" is acknowledged with "ok"
    And the assessor judges "Testeksemplet med vedhæftet fil uden kommentarer er indlæst" / "The HomeCareObservation test example is loaded."

  @cp:KP-3.2.2.5
  Scenario: 3.2.2.5 the attached file is shown and can be opened
    Given the acute-care team sends "fil uden kommentarer": MedCom's test example "R1-3.3.2.4"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the GP is notified of the new report "fil uden kommentarer"
    And the report "fil uden kommentarer" shows its attachments
    And the assessor judges "Trin 3.2.1.3–3.2.1.11 er gennemført; den vedhæftede fil vises tydeligt og kan åbnes" / "The test steps 3.2.1.3-3.2.1.11   has been completed and a HomeCareObservation with attached files has been received. SUT clearly displays the attached files for the user, and the user can access the attached files."

  @cp:KP-3.2.2.5-b
  Scenario: 3.2.2.5 (certbench's addition) an attached file that names no author is received and shown
    Given the acute-care team sends "fil uden forfatter": MedCom's test example "R1-3.3.2.4" whose attached file names no author
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then "fil uden forfatter" is acknowledged with "ok"
    And the report "fil uden forfatter" shows its attachments
    And the assessor judges "Den vedhæftede fil uden forfatter er modtaget og vises tydeligt med titel og oprettelsestidspunkt" / "The attached file without an author is received and clearly displayed with its title and time of creation"

  @cp:KP-3.2.2.6
  Scenario: 3.2.2.6 the attached file in the laboratory chart
    Given the acute-care team sends "fil uden kommentarer": MedCom's test example "R1-3.3.2.4"
    When the GP opens the received prøvesvar and the laboratory chart of "2509479989"
    Then the laboratory chart shows the attachments of "fil uden kommentarer"
    And the assessor judges "Den vedhæftede fil vises i laboratoriekortet og kan åbnes derfra" / "SUT clearly displays the attached files in the laboratory chart for the user, and the user can access the attached files."
