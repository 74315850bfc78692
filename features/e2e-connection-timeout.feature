Feature: End to end, Connection Timeout (guide chapter 4)
  The server is found, but it does not answer the login in time, or only with an error.

  Scenario Outline: A panel that accepts the connection and never answers, on a <family> panel
    Given a <family> panel with an active line and a hanging panel
    When I diagnose with these details
    Then the category is CONNECTION_TIMEOUT
    And the cause is HTTP_NO_ANSWER
    And the fixes include "Try again in a few minutes"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the diagnosis took less than 8 seconds
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario Outline: Cloudflare in front, the origin <what> (reference 3.3 cases 6, 15)
    Given a XC2 panel with an active line and Cloudflare answering <status>
    When I diagnose with these details
    Then the category is CONNECTION_TIMEOUT
    And the cause is CLOUDFLARE_ORIGIN_ERROR
    And the fixes include "this is on the provider's side"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | status | what                      |
      | 520    | gives no valid answer     |
      | 521    | is down                   |
      | 522    | does not accept           |
      | 524    | does not answer in time   |

  Scenario Outline: The panel's web server is overloaded (<status>)
    Given a XC2 panel with an active line and an overloaded panel answering <status>
    When I diagnose with these details
    Then the category is CONNECTION_TIMEOUT
    And the cause is SERVER_OVERLOADED
    And the fixes include "do not keep pressing retry"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | status |
      | 503    |
      | 502    |
      | 504    |

  Scenario: The connection is closed without an answer: the rules suspect the wrong port
    Given a XC2 panel with an active line and an empty reply
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is EMPTY_REPLY
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output
