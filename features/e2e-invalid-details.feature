Feature: End to end, Invalid Details (guide chapter 1)
  A simulated panel on loopback, a real diagnosis of it: the typed details are what is wrong.
  Every scenario also checks that the doctor was polite to the panel and never printed the password.

  Scenario Outline: A wrong password (reference 3.3 cases 17, 18) on a <family> panel
    Given a <family> panel with an active line and no network fault
    And the user types a wrong password
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is <cause>
    And the fixes include "the username and password"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family | cause                |
      | XC2    | CREDENTIALS_REJECTED |
      | XUI    | REJECTED_OR_INACTIVE |

  Scenario Outline: The username typed with a capital letter on a <family> panel
    Given a <family> panel with an active line and no network fault
    And the user types the username with a capital first letter
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is <cause>
    And the fixes include "upper and lower case"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family | cause                |
      | XC2    | CREDENTIALS_REJECTED |
      | XUI    | REJECTED_OR_INACTIVE |

  Scenario: The password pasted with a trailing space
    Given a XC2 panel with an active line and no network fault
    And the user pastes the password with a trailing space
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is SPACES_AROUND_CREDENTIALS
    And the fixes include "Delete the spaces before and after the password"
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario Outline: The username pasted with a trailing space on a <family> panel: one login, the hint comes from what was typed
    Given a <family> panel with an active line and no network fault
    And the user pastes the username with a trailing space
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is SPACES_AROUND_CREDENTIALS
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario: Empty username and password (reference 3.3 case 19): no login is sent at all
    Given a XC2 panel with an active line and no network fault
    And the user leaves the username and password empty
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is BLANK_CREDENTIALS
    And the fixes include "paste them into their own fields"
    And the panel saw no login request
    And the doctor was polite to the panel

  Scenario Outline: A Stalker or playlist path after the port (reference 3.3 cases 1, 2) on a <family> panel
    Given a <family> panel with an active line and no network fault
    And the user types the server as "<typed>"
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is PASTED_URL
    And the fixes include "nothing after the port"
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family | typed                 |
      | XC2    | {url}/c               |
      | XUI    | {url}/c/              |
      | XC2    | {url}/get.php         |

  Scenario: A pasted M3U link carries the username and password
    Given a XC2 panel with an active line and no network fault
    And the user types the server as "{url}/get.php?username={username}&password={password}&type=m3u_plus&output=ts"
    And the user gives the username and password only inside that link
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is PASTED_URL
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario: A doubled scheme "http://https://" (reference 3.3 case 7)
    Given a XC2 panel with an active line and no network fault
    And the user types the server as "http://https://{hostport}"
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario: The port typed leads to a plain web server, not the panel
    Given a XC2 panel with an active line and a plain web server on the port typed
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is WRONG_PORT
    And the fixes include "Check the port in the provider's message"
    And the panel saw no login request
    And the password appears in no output

  Scenario Outline: The wrong protocol: <fault>
    Given a XC2 panel with an active line and <fault>
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is WRONG_PROTOCOL
    And the fixes include "Type the server as"
    And the panel saw no login request
    And the password appears in no output

    Examples:
      | fault                             |
      | https typed for a plain HTTP port |
      | http typed for a TLS port         |

  Scenario: An XUI panel that accepts only its own domain name answers like a wrong password
    Given a XUI panel with an active line and a panel that accepts only its own domain name
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is REJECTED_OR_INACTIVE
    And the fixes include "with its own domain name"
    And the evidence includes "under any name but its own domain"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario Outline: What the doctor corrects silently, the app does not: <what>
    Given a XC2 panel with an active line and no network fault
    And the user types the server as "<typed>"
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is <cause>
    And the fixes include "<to type>"
    And the panel saw exactly 1 login request
    And the password appears in no output

    Examples:
      | what                    | typed                          | cause           | to type                                    |
      | a doubled http://       | http://http://{hostport}       | INPUT_CORRECTED | type exactly http://panel.example.test:    |
      | stray spaces            | {space}{url}{space}            | INPUT_CORRECTED | type exactly http://panel.example.test:    |
      | punctuation after it    | {url}!                         | INPUT_CORRECTED | type exactly http://panel.example.test:    |
      | zeros in an address     | http://127.000.000.001:{port}  | INPUT_CORRECTED | type exactly http://127.0.0.1:             |
      | a path after the port   | {url}/iptv                     | PASTED_URL      | exactly http://panel.example.test:         |
      | a pasted playlist link  | {url}/get.php?type=m3u_plus    | PASTED_URL      | exactly http://panel.example.test:         |

  Scenario: A doubled scheme read as https on a plain-http port: the text to type is http://
    Given a XC2 panel with an active line and no network fault
    And the user types the server as "http://https://{hostport}"
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is INPUT_CORRECTED
    And the fixes include "type exactly http://panel.example.test:"
    And the panel saw no login request
