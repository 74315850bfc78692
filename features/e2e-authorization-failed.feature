Feature: End to end, Authorization Failed (guide chapter 3)
  The panel knows the line, but will not let it in.

  Scenario Outline: <account> on a XC2 panel
    Given a XC2 panel with <account> and no network fault
    When I diagnose with these details
    Then the category is AUTHORIZATION_FAILED
    And the cause is <cause>
    And the fixes include "<fix>"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | account                          | cause                    | fix                                      |
      | an expired line                  | EXPIRED                  | Renew the subscription                   |
      | a banned line                    | BANNED                   | ask why the line was banned              |
      | a disabled line                  | DISABLED                 | Contact the reseller                     |
      | an expired trial line            | TRIAL_EXPIRED            | Buy a full subscription                  |

  Scenario Outline: <account> on a XUI panel: every failure is the same padded 404
    Given a XUI panel with <account> and no network fault
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is REJECTED_OR_INACTIVE
    And the fixes include "exactly, upper and lower case included"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | account               |
      | an expired line       |
      | a banned line         |
      | a disabled line       |
