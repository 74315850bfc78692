Feature: Authorization Failed (guide chapter 3: subscription and device limits)
  The panel knows the username and password but refuses the line. Expiry is judged by the
  server's clock, never the device's.

  Scenario: The line says Expired
    Given the facts of a working login
    And the login answer says status "Expired"
    And the line expired 9 days before the server's clock
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is EXPIRED
    And the fixes include "Renew the subscription"
    And the evidence includes "9 days before the server's own clock"

  Scenario: The end date has passed by the server's clock, whatever the status says
    Given the facts of a working login
    And the line expired 1 days before the server's clock
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is EXPIRED

  Scenario: A trial that has ended
    Given the facts of a working login
    And the line is a trial
    And the login answer says status "Expired"
    And the line expired 2 days before the server's clock
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is TRIAL_EXPIRED
    And the fixes include "full subscription"

  Scenario: The provider banned the line
    Given the facts of a working login
    And the login answer says status "Banned"
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is BANNED
    And the fixes include "Contact the provider"

  Scenario: The reseller disabled the line
    Given the facts of a working login
    And the login answer says status "Disabled"
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is DISABLED
    And the fixes include "Contact the reseller"

  Scenario: Every connection is in use and the app says Authorization Failed
    Given the facts of a working login
    And the line has 2 of 2 connections in use
    And the app shows "Authorization Failed"
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is CONNECTION_LIMIT_REACHED
    And the fixes include "Log out of the app, or close it, on the other devices"

  Scenario: Every connection is in use, though nobody complains yet: still the fault (guide chapter 3, "exceeded device limit")
    Given the facts of a working login
    And the line has 1 of 1 connections in use
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is CONNECTION_LIMIT_REACHED
    And the evidence includes "the next stream started elsewhere will be refused or cut another one off"
    And the fixes include "Ask the provider to reset the active connections"

  Scenario: More connections in use than allowed
    Given the facts of a working login
    And the line has 3 of 2 connections in use
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is CONNECTION_LIMIT_REACHED

  Scenario: max_connections 0 means unlimited: never full
    Given the facts of a working login
    And the line has 4 of 0 connections in use
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY

  Scenario: The line works but ends within the warning period
    Given the facts of a working login
    And the line ends 53 hours after the server's clock
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is EXPIRES_SOON
    And the evidence includes "2 days 5 hours"

  Scenario: A status the apps do not accept ("Inactive"): no health without "Active"
    Given the facts of a working login
    And the login answer says status "Inactive"
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is ACCOUNT_NOT_ACTIVE
    And the fixes include "what \"Inactive\" means"
