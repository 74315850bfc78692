Feature: End to end, answers no honest panel gives
  Everything a panel sends is read within bounds: one header line, the number of headers, all the
  headers, the body, what a gzip body inflates to, and the time. Each overrun is a named finding,
  never a "no fault", and the doctor keeps no more than its cap of any answer.

  Scenario Outline: <what>
    Given a XC2 panel with an active line and <fault>
    When I diagnose with these details
    Then the category is <category>
    And the cause is <cause>
    And the doctor read no more than 1024 KiB of any answer
    And the check does not exit 0
    And the diagnosis took less than 10 seconds
    And the panel saw exactly 1 login request
    And the password appears in no output

    Examples:
      | what                                      | fault                                          | category        | cause                     |
      | The answer's header line never ends       | an endless header line                         | LOGIN_FAILED    | HEADER_LINE_TOO_LONG      |
      | A million headers                         | a million headers                              | LOGIN_FAILED    | TOO_MANY_HEADERS          |
      | A 2 GB body                               | a 2 GB answer                                  | LOGIN_FAILED    | ANSWER_TOO_LARGE          |
      | A chunked body that never ends            | an endless chunked answer                      | LOGIN_FAILED    | ANSWER_TOO_LARGE          |
      | A gzip bomb                               | a gzip bomb for an answer                      | LOGIN_FAILED    | ANSWER_INFLATES_TOO_LARGE |
      | The answer is cut short                   | an answer cut short after 40 bytes             | LOGIN_FAILED    | ANSWER_TRUNCATED          |
      | Garbage bytes instead of HTTP             | garbage bytes for an answer                    | INVALID_DETAILS | NOT_HTTP                  |
      | An SSH server on the port                 | an SSH server on the port typed                | INVALID_DETAILS | NOT_HTTP                  |
      | A TLS port that answers plain HTTP with an alert | a TLS port answering plain HTTP with an alert | INVALID_DETAILS | WRONG_PROTOCOL     |

  Scenario Outline: A refused login answered with HTTP <status> and the panel's JSON is a credentials fault, not a firewall
    Given a XC2 panel with an active line and every answer sent with HTTP <status>
    And the user types a wrong password
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is CREDENTIALS_REJECTED
    And the evidence includes "with HTTP error <status>"
    And there is no finding PROVIDER_FILTER
    And the panel saw exactly 1 login request
    And the password appears in no output

    Examples:
      | status |
      | 401    |
      | 403    |

  Scenario Outline: The login JSON wrapped in <noise> is the panel's answer, with a warning (<family>)
    Given a <family> panel with an active line and <fault>
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the cause is PANEL_MISCONFIGURED
    And the fixes include "PHP warnings"
    And the panel saw exactly 1 login request
    And the password appears in no output

    Examples:
      | family | noise                  | fault                              |
      | XC2    | PHP warnings before it | PHP warnings before the answer     |
      | XC2    | PHP warnings after it  | PHP warnings after the answer      |
      | XUI    | a byte-order mark      | a byte-order mark before the answer |

  Scenario: PHP warnings around a refusal: still the panel's words
    Given a XC2 panel with an active line and PHP warnings before the answer
    And the user types a wrong password
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is CREDENTIALS_REJECTED
