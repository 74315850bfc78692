Feature: No "no fault" without a working login
  NO_FAULT_FOUND needs a login answer that was read whole and that the panel accepted. Where the
  check stopped before that, the finding is named in the layer where it stopped; where nothing can
  be placed, the diagnosis says the check could not complete (INCONCLUSIVE), never "no fault".

  Scenario: A working login answer read whole is the evidence of health
    Given the facts of a working login
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY

  Scenario: The panel's "auth 1" came in an answer cut short: not health, a broken answer
    Given the facts of a working login
    And the HttpResponse fact has:
      | outcome        | http.truncated                                         |
      | declaredLength | 2000                                                   |
      | detail         | the body ended after 846 of the 2000 bytes it announced |
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is ANSWER_TRUNCATED
    And the evidence includes "846 of 2000 bytes"

  Scenario: A probe broke before any login: the check could not complete
    Given only these facts:
      """
      {"facts": [
        {"type": "ServerInput", "typed": "http://panel.example.com:8080", "outcome": "input.ok", "scheme": "http",
         "host": "panel.example.com", "port": 8080, "hostKind": "name", "pastedForm": "plain", "baseUrl": "http://panel.example.com:8080"},
        {"type": "ProbeProblem", "probe": "dns", "detail": "no system resolver is configured on this device"}
      ]}
      """
    When I evaluate the facts
    Then the category is INCONCLUSIVE
    And the cause is CHECK_INCOMPLETE

  Scenario: A probe broke, but the login worked: a note, not a verdict
    Given the facts of the example "check-incomplete"
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
    And there is a unchecked finding CHECK_INCOMPLETE

  Scenario: The request budget ran out on redirects before the login answer
    Given the facts of the example "budget-spent"
    When I evaluate the facts
    Then the category is INCONCLUSIVE
    And the cause is BUDGET_SPENT

  Scenario: The time limit came before the login answer
    Given the facts of the example "time-ran-out"
    When I evaluate the facts
    Then the category is INCONCLUSIVE
    And the cause is TIME_RAN_OUT

  Scenario: The login request failed for a reason the doctor cannot name: named in its layer
    Given the facts of the example "http-failed"
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is HTTP_FAILED

  Scenario: Only the comparison through a public resolver's address worked: no health for the app's path
    Given the facts of the example "stale-dns-answer"
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is STALE_DNS_ANSWER
