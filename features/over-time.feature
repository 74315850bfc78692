Feature: Watching a line over time
  One check is one moment. The guide's advice for "Connection Timeout" is to test at different
  hours; its FAQ asks whether it fails at peak times. A watch checks the line again and again, and
  these scenarios say what the checks mean together (rules/80-over-time.drl).

  Scenario: Timeouts every evening, a working line by day: overloaded at peak hours
    Given a watch of these checks:
      | time                    | until                   | every | category           | cause          | loginMs | status |
      | 2026-03-02 14:00 +01:00 | 2026-03-02 18:50 +01:00 | 10    | NO_FAULT_FOUND     | HEALTHY        | 140     | Active |
      | 2026-03-02 19:00 +01:00 | 2026-03-02 21:50 +01:00 | 10    | CONNECTION_TIMEOUT | HTTP_NO_ANSWER | 10000   |        |
      | 2026-03-03 09:00 +01:00 | 2026-03-03 10:50 +01:00 | 10    | NO_FAULT_FOUND     | HEALTHY        | 130     | Active |
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is PEAK_HOUR_OVERLOAD
    And the evidence includes "18 of 24 checks in the peak hours got no answer in time"
    And the evidence includes "Peak 19:00–19:59: 6 of 6 checks ended CONNECTION_TIMEOUT"
    And the fixes include "VPN in another region"

  Scenario: The name is not found now and then: the resolver is unreliable
    Given a watch of these checks:
      | time             | until            | every | category       | cause             | layer |
      | 2026-03-02 16:00 | 2026-03-02 16:30 | 10    | NO_FAULT_FOUND | HEALTHY           | login |
      | 2026-03-02 16:40 |                  |       | HOST_NOT_FOUND | SYSTEM_DNS_FAILED | dns   |
      | 2026-03-02 16:50 | 2026-03-02 17:30 | 10    | NO_FAULT_FOUND | HEALTHY           | login |
      | 2026-03-02 17:40 |                  |       | HOST_NOT_FOUND | SYSTEM_DNS_FAILED | dns   |
      | 2026-03-02 17:50 |                  |       | NO_FAULT_FOUND | HEALTHY           | login |
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is INTERMITTENT_DNS_FAILURES
    And the fixes include "1.1.1.1 and 8.8.8.8"

  Scenario: The line ran out during the watch
    Given a watch of these checks:
      | time             | until            | every | category             | cause   | status  | expDate    |
      | 2026-03-02 19:00 | 2026-03-02 20:50 | 10    | NO_FAULT_FOUND       | HEALTHY | Active  | 1772485200 |
      | 2026-03-02 21:00 | 2026-03-02 22:00 | 10    | AUTHORIZATION_FAILED | EXPIRED | Expired | 1772485200 |
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is EXPIRED_DURING_WATCH
    And the evidence includes "2 March 2026, 21:00 UTC"

  Scenario: A ban that began at a given time
    Given the watch history:
      """
      {"time":"2026-03-02T16:00:00+01:00","category":"NO_FAULT_FOUND","cause":"HEALTHY","layer":"login","title":"ok","connectMs":12,"loginMs":160}
      {"time":"2026-03-02T16:05:00+01:00","category":"NO_FAULT_FOUND","cause":"HEALTHY","layer":"login","title":"ok","connectMs":12,"loginMs":160}
      {"time":"2026-03-02T16:10:00+01:00","category":"LOGIN_FAILED","cause":"FLOOD_BAN","layer":"tcp","title":"blocked","connectMs":5000}
      {"time":"2026-03-02T16:15:00+01:00","category":"LOGIN_FAILED","cause":"FLOOD_BAN","layer":"tcp","title":"blocked","connectMs":5000}
      """
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is IP_BAN_BEGAN
    And the evidence includes "From 2026-03-02 16:10 on"

  Scenario: Slow answers at peak hours only: a warning before it fails
    Given a watch of these checks:
      | time             | until            | every | category       | cause   | loginMs | status |
      | 2026-03-02 14:00 | 2026-03-02 18:50 | 10    | NO_FAULT_FOUND | HEALTHY | 150     | Active |
      | 2026-03-02 19:00 | 2026-03-02 21:50 | 10    | NO_FAULT_FOUND | HEALTHY | 4500    | Active |
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is SLOW_AT_PEAK_HOURS

  Scenario: Timeouts now and then, at no particular hour
    Given a watch of these checks:
      | time             | until            | every | category           | cause          | loginMs | status |
      | 2026-03-02 09:00 | 2026-03-02 09:20 | 10    | NO_FAULT_FOUND     | HEALTHY        | 150     | Active |
      | 2026-03-02 09:40 |                  |       | CONNECTION_TIMEOUT | HTTP_NO_ANSWER | 10000   |        |
      | 2026-03-02 10:00 | 2026-03-02 11:00 | 10    | NO_FAULT_FOUND     | HEALTHY        | 150     | Active |
      | 2026-03-02 11:20 |                  |       | CONNECTION_TIMEOUT | HTTP_NO_ANSWER | 10000   |        |
      | 2026-03-02 11:40 | 2026-03-02 12:00 | 10    | NO_FAULT_FOUND     | HEALTHY        | 150     | Active |
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is TIMEOUTS_NOW_AND_THEN

  Scenario: The provider banned the line during the watch
    Given a watch of these checks:
      | time             | until            | every | category             | cause   | layer   | status |
      | 2026-03-02 16:00 | 2026-03-02 16:50 | 10    | NO_FAULT_FOUND       | HEALTHY | login   | Active |
      | 2026-03-02 17:00 | 2026-03-02 17:30 | 10    | AUTHORIZATION_FAILED | BANNED  | account | Banned |
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is LINE_BANNED_DURING_WATCH

  Scenario: Another fault began during the watch and lasted: when is the news
    Given a watch of these checks:
      | time             | until            | every | category        | cause                | layer |
      | 2026-03-02 16:00 | 2026-03-02 16:50 | 10    | NO_FAULT_FOUND  | HEALTHY              | login |
      | 2026-03-02 17:00 | 2026-03-02 17:30 | 10    | INVALID_DETAILS | CREDENTIALS_REJECTED | login |
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is FAULT_BEGAN_DURING_WATCH
    And the evidence includes "From 2026-03-02 17:00 on"

  Scenario: The same fault in every check: waiting will not fix it
    Given a watch of these checks:
      | time             | until            | every | category        | cause                | layer |
      | 2026-03-02 16:00 | 2026-03-02 17:00 | 10    | INVALID_DETAILS | CREDENTIALS_REJECTED | login |
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is SAME_FAULT_THROUGHOUT

  Scenario: A fault that came and went
    Given a watch of these checks:
      | time             | until            | every | category       | cause        | layer |
      | 2026-03-02 16:00 | 2026-03-02 16:20 | 10    | NO_FAULT_FOUND | HEALTHY      | login |
      | 2026-03-02 16:30 |                  |       | LOGIN_FAILED   | HTTP_BLOCKED | http  |
      | 2026-03-02 16:40 | 2026-03-02 17:00 | 10    | NO_FAULT_FOUND | HEALTHY      | login |
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is FAULT_CAME_AND_WENT

  Scenario: Every check worked
    Given a watch of these checks:
      | time             | until            | every | category       | cause   | loginMs | status |
      | 2026-03-02 16:00 | 2026-03-02 22:00 | 30    | NO_FAULT_FOUND | HEALTHY | 150     | Active |
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
